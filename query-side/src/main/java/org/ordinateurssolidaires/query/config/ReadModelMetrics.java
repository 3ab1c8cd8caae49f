package org.ordinateurssolidaires.query.config;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
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
 * The read models' processors report how many events they handled, ignored and failed, and how far behind the store
 * they are ({@code eventProcessor_*}, tagged with {@code processorName}), as Axon's own metrics do; every other
 * component keeps Axon's dimensional metrics. Axon's processor metrics also time every event in a sliding window and
 * tag each with its type; on a rebuild, where each processor reads every event of the store, that cost a sixth of
 * the query side's time (docs/benchmarks.md, "Rebuilding the read models"), for figures nobody reads: the
 * processors' speed shows in their counters and latency.
 */
@Configuration
class ReadModelMetrics {

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
                    MessageMonitor<?> counted = new MultiMessageMonitor<EventMessage<?>>(List.of(
                            MessageCountingMonitor.buildMonitor(PREFIX, metrics.getRegistry(), tags),
                            EventProcessorLatencyMonitor.builder().meterNamePrefix(PREFIX)
                                                        .meterRegistry(metrics.getRegistry()).tagsBuilder(tags)
                                                        .build()));
                    return (MessageMonitor<Message<?>>) counted;
                });
            }
        };
    }
}
