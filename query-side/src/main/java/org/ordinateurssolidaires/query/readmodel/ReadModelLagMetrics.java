package org.ordinateurssolidaires.query.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.ordinateurssolidaires.query.config.EventArrivals;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * {@code read_model_events_behind}, tagged {@code processingGroup}: how many of the store's events a read model has
 * yet to take in (the store's head less its slowest segment's position), from the query side's start. Axon's
 * {@code eventProcessor_latency} is made at the first event a processor takes in after a start, and keeps the last
 * one's: a read model stuck, or a quiet one, shows nothing to alert on. Read at each scrape; not a number while this
 * query side holds none of the read model's segments (another query side does, or a rebuild's pass: its progress is
 * at {@code GET /api/read-models}), or the database cannot be read.
 */
@Component
class ReadModelLagMetrics {

    private final EventProcessingConfiguration processing;
    private final EventArrivals store;
    private final MeterRegistry registry;

    ReadModelLagMetrics(EventProcessingConfiguration processing, EventArrivals store, MeterRegistry registry) {
        this.processing = processing;
        this.store = store;
        this.registry = registry;
    }

    /** Once Axon knows its processors. */
    @EventListener(ApplicationStartedEvent.class)
    void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("read.model.events.behind", streaming, this::behind)
                     .tag("processingGroup", name)
                     .description("events of the store the read model has yet to take in")
                     .register(registry);
            }
        });
    }

    private double behind(StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        long reached = segments.stream().map(EventTrackerStatus::getCurrentPosition)
                               .mapToLong(position -> position.orElse(-1)).min().orElse(-1);
        try {
            TrackingToken head = store.createHeadToken();
            OptionalLong last = head == null ? OptionalLong.empty() : head.position();
            return Math.max(0, last.orElse(-1) - reached);
        } catch (RuntimeException unreadable) { // the database out of reach: readiness says so
            return Double.NaN;
        }
    }
}
