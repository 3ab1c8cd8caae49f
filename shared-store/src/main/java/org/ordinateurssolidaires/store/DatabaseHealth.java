package org.ordinateurssolidaires.store;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.time.Clock;

/** Both apps' {@code database} health contributor, answered from a check made in the background. */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(DataSource.class)
public class DatabaseHealth {

    @Bean
    DatabaseReachability database(DataSource dataSource) {
        return new DatabaseReachability(dataSource, Clock.systemUTC());
    }
}
