package org.ordinateurssolidaires.query.inventory;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A device's page shows every step already recorded: after a form, the browser lands on the device's page a few
 * milliseconds after the command side stored the step, and the inventory applies it a moment later. The page
 * waits for that moment (at most {@code ordinateurs.web.read-your-steps-patience}): until every segment of the
 * inventory's processor has passed the device's last stored event. A page that is only looked at does not wait.
 */
@Component
class StepsAlreadyRecorded {

    private static final long POLL_MILLIS = 20;

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration patience;

    StepsAlreadyRecorded(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                         @Value("${ordinateurs.web.read-your-steps-patience:3s}") Duration patience) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.patience = patience;
    }

    void awaitInventoryOf(UUID deviceId) throws InterruptedException {
        Long last = jdbc.queryForObject("select max(globalIndex) from domainEventEntry where aggregateIdentifier = ?",
                Long.class, deviceId.toString());
        StreamingEventProcessor inventory = processing.eventProcessor(InventoryProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElse(null);
        if (last == null || inventory == null) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (!passed(inventory.processingStatus(), last) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Every segment this process holds has processed the event at {@code index}, or further. */
    private static boolean passed(Map<Integer, EventTrackerStatus> segments, long index) {
        return segments.values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= index);
    }
}
