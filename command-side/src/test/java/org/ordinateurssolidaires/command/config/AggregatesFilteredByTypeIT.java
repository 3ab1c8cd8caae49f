package org.ordinateurssolidaires.command.config;

import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every aggregate reads only the events of its own type: one added without {@code filterEventsByType} would load
 * another kind of record's events for a command to that record's id, a 500 (DonorsAndCeremoniesApiIT has the 404).
 */
class AggregatesFilteredByTypeIT extends CommandSideIntegrationTest {

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Test
    void everyAggregatesConfigurerFiltersItsEventsByType() {
        String[] configurers = beans.getBeanNamesForType(SpringAggregateConfigurer.class, true, false);

        assertThat(configurers).as("device, donor, batch, referral, partner, ceremony").hasSize(6);
        for (String configurer : configurers) {
            assertThat(beans.getBeanDefinition(configurer).getPropertyValues().get("filterEventsByType"))
                    .as(configurer).isEqualTo(true);
        }
    }
}
