package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Rebuilds one read model while every other goes on: its processor is stopped on this query side, its tokens are
 * reset (its reset handler empties its tables, and its parked events go with them), and it is started again, to
 * apply the store from the first event. Each read model says how far it has come. Where several query sides share
 * the database, the others must not hold any of its segments: the reset claims them all, and is refused otherwise.
 */
@Service
public class ReadModelRebuilds {

    /** Far longer than a processor takes to claim its segments again once started, on this query side. */
    private static final Duration SEGMENTS_TAKEN_WITHIN = Duration.ofSeconds(5);

    private final EventProcessingConfiguration processing;

    ReadModelRebuilds(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * A read model as this query side keeps it.
     *
     * @param segments       the segments of it this query side holds
     * @param position       the lowest position in the store its segments have reached (null before any)
     * @param rebuildingUpTo while it is rebuilt, the store's last position when the rebuild began
     * @param percent        while it is rebuilt, how far it has come towards that position
     */
    public record Status(String name, boolean running, boolean error, boolean rebuilding, int segments,
                         Long position, Long rebuildingUpTo, Integer percent) {
    }

    public List<Status> all() {
        return new TreeMap<>(processing.eventProcessors()).keySet().stream().map(this::of).toList();
    }

    public Status of(String name) {
        return status(name, processor(name));
    }

    /**
     * Starts the rebuild and answers once the read model has taken its segments back (within a few seconds), so that
     * its answer, and the next request's, see it rebuilding; it then applies the store in the background.
     */
    public synchronized Status rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (status(name, processor).rebuilding()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "read model " + name + " is already being rebuilt");
        }
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException heldElsewhere) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "another query side holds segments of read model "
                    + name + ": stop it, or rebuild it there, while it alone runs");
        } finally {
            processor.start();
        }
        awaitSegments(processor);
        return status(name, processor);
    }

    private void awaitSegments(StreamingEventProcessor processor) {
        Instant giveUp = Instant.now().plus(SEGMENTS_TAKEN_WITHIN);
        while (processor.processingStatus().isEmpty() && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no read model " + name));
    }

    /**
     * Rebuilding while a segment has not yet reached the store's last position at the reset. (Axon still calls a
     * segment replaying after that, until it takes in an event stored since: in a quiet hour, that could be long.)
     */
    private static Status status(String name, StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = lowest(segments.stream().map(EventTrackerStatus::getCurrentPosition).toList());
        Long upTo = segments.stream().filter(ReadModelRebuilds::behindTheReset)
                .map(EventTrackerStatus::getResetPosition).mapToLong(OptionalLong::getAsLong).max().stream().boxed()
                .findFirst().orElse(null);
        boolean rebuilding = upTo != null;
        Integer percent = rebuilding ? (int) (100 * Math.max(0, position == null ? 0 : position) / Math.max(1, upTo))
                : null;
        return new Status(name, processor.isRunning(), processor.isError(), rebuilding, segments.size(), position,
                upTo, percent);
    }

    private static boolean behindTheReset(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getResetPosition().isPresent()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().getAsLong();
    }

    private static Long lowest(List<OptionalLong> positions) {
        return positions.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().stream()
                .boxed().findFirst().orElse(null);
    }
}
