package org.ordinateurssolidaires.query.deadletter;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ordinateurssolidaires.query.config.EventStoreAvailability;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether every read model is being kept up to date: DOWN, naming the processor, when one is not running, has a
 * segment in error, or has parked events (then also naming the first parked ones). Part of readiness, not of
 * liveness: restarting the app would not fix any of it. Each also says whether it has caught up with the store
 * ({@code caughtUp}): one still taking in earlier events (a replay, the demo's seeding) is behind, not at fault.
 */
@Component("readModels")
class ReadModelsHealth extends AbstractHealthIndicator {

    /** Enough to name what to look at; the dead-letter endpoint lists them all. */
    private static final int PARKED_SHOWN = 5;

    private final DeadLetters deadLetters;
    private final EventStoreAvailability eventStore;

    ReadModelsHealth(DeadLetters deadLetters, EventStoreAvailability eventStore) {
        super("Read models could not be checked"); // logged; reported DOWN, as when the database is out of reach
        this.deadLetters = deadLetters;
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        // the processors' state is in memory; the parked events are in the database, not to be waited for when
        // the same health call has just found it out of reach
        boolean databaseReadable = eventStore.readable();
        health.up();
        for (String group : deadLetters.processingGroups()) {
            Map<String, Object> details = new LinkedHashMap<>();
            EventProcessor processor = deadLetters.processor(group);
            boolean down = !processor.isRunning() || processor.isError();
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, String> segmentsInError = new TreeMap<>();
                streaming.processingStatus().forEach((segment, status) -> {
                    if (status.isErrorState()) {
                        segmentsInError.put(segment, String.valueOf(status.getError()));
                    }
                });
                details.put("segmentsInError", segmentsInError);
                // not a fault: a read model still taking in what was stored before (a replay, a seeding) is behind
                details.put("caughtUp", !streaming.processingStatus().isEmpty() && streaming.processingStatus()
                        .values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                down |= !segmentsInError.isEmpty();
            }
            if (!databaseReadable) {
                details.put("deadLetters", "unknown: the database cannot be read");
                health.down().withDetail(group, details);
                continue;
            }
            // counted in the table; only the first few sequences are read, to name them
            long letters = deadLetters.letters(group);
            details.put("deadLetters", letters);
            details.put("parkedSequences", deadLetters.sequences(group));
            if (letters > 0) {
                details.put("parked", deadLetters.firstParked(group, PARKED_SHOWN));
                down = true;
            }
            details.put("status", down ? "DOWN" : "UP");
            if (down) {
                health.down();
            }
            health.withDetail(group, details);
        }
    }
}
