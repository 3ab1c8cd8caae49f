package org.ordinateurssolidaires.query.deadletter;

import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ordinateurssolidaires.query.config.EventStoreAvailability;
import org.ordinateurssolidaires.query.deadletter.DeadLetters.GroupLetters;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    /** The parked events of each group as last counted, in the background: health never waits for the database. */
    private volatile Map<String, GroupLetters> parked = Map.of();

    ReadModelsHealth(DeadLetters deadLetters, EventStoreAvailability eventStore) {
        super("Read models could not be checked"); // logged; reported DOWN, as when the database is out of reach
        this.deadLetters = deadLetters;
        this.eventStore = eventStore;
    }

    /** Counts the parked events of every group, when the database answers; the last count stays otherwise. */
    @Scheduled(fixedDelay = 1_000)
    void countParked() {
        if (!eventStore.readable()) {
            return;
        }
        Map<String, GroupLetters> counted = new HashMap<>();
        for (String group : deadLetters.processingGroups()) {
            // counted in the table; only the first few sequences are read, to name them
            long letters = deadLetters.letters(group);
            counted.put(group, new GroupLetters(group, letters, deadLetters.sequences(group),
                    letters > 0 ? deadLetters.firstParked(group, PARKED_SHOWN) : List.of()));
        }
        parked = counted;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        // the processors' state is in memory, the parked events counted in the background
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
            GroupLetters letters = parked.get(group);
            if (!databaseReadable || letters == null) {
                details.put("deadLetters", "unknown: the database cannot be read");
                health.down().withDetail(group, details);
                continue;
            }
            details.put("deadLetters", letters.letters());
            details.put("parkedSequences", letters.sequences());
            if (letters.letters() > 0) {
                details.put("parked", letters.parked());
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
