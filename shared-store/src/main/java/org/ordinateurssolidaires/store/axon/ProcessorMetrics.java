package org.ordinateurssolidaires.store.axon;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.Function;

/**
 * Both apps' event processors report how many events they handled, ignored and failed ({@code eventProcessor_*},
 * tagged with {@code processorName}), as Axon's own metrics do, and the streaming ones (the read models) how far
 * behind the store they are; every other component (the command bus, the event store) keeps Axon's dimensional
 * metrics. Axon's processor metrics also time every event in a sliding window, keep a reservoir for its capacity and
 * tag each with its type: on a rebuild, where each processor reads every event of the store, that cost a sixth of the
 * query side's time (docs/benchmarks.md, "Rebuilding the read models"), and on the command side, whose subscribing
 * processors (the asset tags, the SIRETs, the batches' progress...) see every event of every command in its
 * request, an eighth of a command's metrics ("Axon's monitors on the command side's processors"), for figures
 * nobody reads. A subscribing processor is never behind the store: no latency for it. Imported by each app's Axon
 * configuration, so that Axon's auto-configuration steps aside for this module.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorMetrics {

    private static final String PREFIX = "eventProcessor";

    /** In place of Axon's module (its auto-configuration steps aside for this bean). */
    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics) {
        return new MetricsConfigurerModule(metrics, true) {
            @Override
            @SuppressWarnings("unchecked") // Axon's own module casts the same way: a monitor of some messages
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) -> {
                    if (!EventProcessor.class.isAssignableFrom(componentType)) {
                        return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(componentType,
                                componentName);
                    }
                    Tags processor = Tags.of("processorName", componentName);
                    Function<Message<?>, Iterable<Tag>> tags = message -> processor;
                    MessageCountingMonitor counted = MessageCountingMonitor.buildMonitor(PREFIX, metrics.getRegistry(),
                            tags);
                    if (!StreamingEventProcessor.class.isAssignableFrom(componentType)) {
                        return counted;
                    }
                    MessageMonitor<?> behind = new MultiMessageMonitor<EventMessage<?>>(List.of(counted,
                            EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX)
                                                        .meterRegistry(metrics.getRegistry()).tagsBuilder(tags)
                                                        .build()));
                    return (MessageMonitor<Message<?>>) behind;
                });
            }
        };
    }
}
