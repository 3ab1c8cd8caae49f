package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

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

    /** Starts the rebuild and answers at once, the read model then applying the store in the background. */
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
        return status(name, processor);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no read model " + name));
    }

    private static Status status(String name, StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = lowest(segments.stream().map(EventTrackerStatus::getCurrentPosition).toList());
        boolean rebuilding = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        Long upTo = rebuilding ? segments.stream().filter(EventTrackerStatus::isReplaying)
                .map(EventTrackerStatus::getResetPosition).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max().stream().boxed().findFirst().orElse(null) : null;
        Integer percent = upTo == null || upTo <= 0 ? null
                : (int) Math.min(100, 100 * Math.max(0, position == null ? 0 : position) / upTo);
        return new Status(name, processor.isRunning(), processor.isError(), rebuilding, segments.size(), position,
                upTo, percent);
    }

    private static Long lowest(List<OptionalLong> positions) {
        return positions.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().stream()
                .boxed().findFirst().orElse(null);
    }
}
