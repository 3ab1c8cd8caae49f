package org.ordinateurssolidaires.query.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.ordinateurssolidaires.web.pages.FormDone;
import org.ordinateurssolidaires.web.pages.FormRefusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Duration;
import java.util.Map;

/**
 * A page shown after a form shows the step the form recorded: the browser lands on it a few milliseconds after the
 * command side stored the step, and the read model applies it a moment later. Such a page waits for that moment
 * (at most {@code ordinateurs.web.read-your-steps-patience}): until every segment of the read model's processor has
 * passed the last event stored when the page was asked. So does a page shown after a refused form, which may have
 * been refused for a step the read model has not applied yet (a device's page drawn before it). A page that is only
 * looked at does not wait.
 */
@Component
public class StepsAlreadyRecorded {

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

    /** @param processingGroups the processors of the read models the page shows */
    public void awaitAfterAForm(Model model, String... processingGroups) throws InterruptedException {
        if (!model.containsAttribute(FormDone.ATTRIBUTE) && !model.containsAttribute(FormRefusal.ATTRIBUTE)) {
            return;
        }
        Long last = jdbc.queryForObject("select max(globalIndex) from domainEventEntry", Long.class);
        if (last == null) {
            return;
        }
        long deadline = System.nanoTime() + patience.toNanos();
        for (String group : processingGroups) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                                                          .orElse(null);
            while (processor != null && !passed(processor.processingStatus(), last)
                   && System.nanoTime() < deadline) {
                Thread.sleep(POLL_MILLIS);
            }
        }
    }

    /** Every segment this process holds has processed the event at {@code index}, or further. */
    private static boolean passed(Map<Integer, EventTrackerStatus> segments, long index) {
        return segments.values().stream().allMatch(segment -> segment.getCurrentPosition().orElse(-1) >= index);
    }
}
