package org.ordinateurssolidaires.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code dead_letters} and {@code dead_letter_sequences}, tagged {@code processingGroup}: what to alert on. Read from
 * the queue's table at each scrape, so every instance reports the whole queue.
 */
@Component
class DeadLetterMetrics {

    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    DeadLetterMetrics(DeadLetters deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /** Once Axon knows its processing groups. */
    @EventListener(ApplicationStartedEvent.class)
    void registerGauges() {
        for (String group : deadLetters.processingGroups()) {
            Gauge.builder("dead.letters", deadLetters, letters -> letters.letters(group))
                 .tag("processingGroup", group)
                 .description("events parked because a projection could not apply them, or waiting behind one")
                 .register(registry);
            Gauge.builder("dead.letter.sequences", deadLetters, letters -> letters.sequences(group))
                 .tag("processingGroup", group)
                 .description("aggregates whose events are parked")
                 .register(registry);
        }
    }
}
