package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model rebuilt device by device is applied the devices' events alone ({@link RebuiltAggregateByAggregate}):
 * true only while each of its projection's handlers takes a device's event. A handler of another aggregate's events
 * would be left out of every rebuild.
 */
class RebuiltAggregateByAggregateTest {

    @Test
    void theProjectionsRebuiltDeviceByDeviceHandleDevicesEventsOnly() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(RebuiltAggregateByAggregate.class));
        List<String> projections = scan.findCandidateComponents("org.ordinateurssolidaires.query").stream()
                .map(BeanDefinition::getBeanClassName).sorted().toList();
        assertThat(projections).containsExactly("org.ordinateurssolidaires.query.inventory.InventoryProjection");

        for (String name : projections) {
            Class<?> projection = Class.forName(name);
            assertThat(projection.getAnnotation(RebuiltAggregateByAggregate.class).value())
                    .as("the devices' aggregate, as the command side names it").isEqualTo("Device");
            List<Class<?>> handled = Arrays.stream(projection.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(EventHandler.class))
                    .map(Method::getParameterTypes).map(parameters -> parameters[0]).toList();
            assertThat(handled).as(name).isNotEmpty().allSatisfy(event -> assertThat(
                    DeviceEvent.class.isAssignableFrom(event)).as(event.getSimpleName()).isTrue());
        }
    }
}
