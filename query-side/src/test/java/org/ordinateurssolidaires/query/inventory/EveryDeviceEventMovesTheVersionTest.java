package org.ordinateurssolidaires.query.inventory;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory's row of a device holds its version, which the device's page draws its forms at: an event of the
 * device the inventory did not take would leave the version behind for good, and every later form on that page
 * refused as drawn before a step.
 */
class EveryDeviceEventMovesTheVersionTest {

    @Test
    void theInventoryTakesEveryEventOfADeviceWithItsSequence() {
        var published = new ClassPathScanningCandidateComponentProvider(false);
        published.addIncludeFilter(new AssignableTypeFilter(DeviceEvent.class));
        Set<String> deviceEvents = published.findCandidateComponents(DeviceEvent.class.getPackageName()).stream()
                                            .map(BeanDefinition::getBeanClassName)
                                            .collect(Collectors.toSet());

        Set<String> takenWithTheirSequence = Arrays.stream(InventoryProjection.class.getDeclaredMethods())
                .filter(handler -> handler.isAnnotationPresent(EventHandler.class))
                .filter(handler -> Arrays.stream(handler.getParameters())
                                         .anyMatch(parameter -> parameter.isAnnotationPresent(SequenceNumber.class)))
                .map(handler -> handler.getParameterTypes()[0].getName())
                .collect(Collectors.toSet());

        assertThat(deviceEvents).as("the published device events").hasSizeGreaterThan(10);
        assertThat(takenWithTheirSequence).containsAll(deviceEvents);
    }
}
