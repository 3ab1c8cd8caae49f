package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.ordinateurssolidaires.store.DatabaseReachability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Rebuilds one read model while every other goes on, or all of them together: its processor is stopped on this query
 * side, the read model is emptied (its reset handler empties its tables, and its parked events go with them) and the
 * store applied to it again in one pass ({@link OnePassRebuild}), its processor started again to go on from where the
 * pass ends. Each read model says how far it has come. Where several query sides share the database, the others must
 * not hold any of its segments: the pass claims them all, and is refused otherwise; meanwhile they say it is being
 * rebuilt, from the pass's claims ({@link OnePassRebuild#elsewhere}).
 */
@Service
public class ReadModelRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    /** Far longer than a processor takes to make its segments at its first start. */
    private static final Duration SEGMENTS_MADE_WITHIN = Duration.ofSeconds(5);
    /** Far longer than a batch takes, the time for one under way to be written. */
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(30);
    /** The longest pause before a processor that could not be started again is tried again. */
    private static final Duration LAST_START_AGAIN = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final ApplicationContext application;
    private final OnePassRebuild onePass;
    /** Whether the database answered at its last check. */
    private final BooleanSupplier database;
    /** The first pause before a processor that could not be started again is tried again, doubled each time. */
    private final Duration firstStartAgain;
    /** Starts again the processors a rebuild could not, once the database answers. */
    private final ScheduledExecutorService startsAgain = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "read-models-started-again");
        thread.setDaemon(true);
        return thread;
    });
    /** Set as the query side closes: Axon is about to stop every processor, and none is started again. */
    private volatile boolean closing;

    @Autowired
    ReadModelRebuilds(EventProcessingConfiguration processing, ApplicationContext application,
                      OnePassRebuild onePass, DatabaseReachability database) {
        this(processing, application, onePass, database::reachable, Duration.ofSeconds(1));
    }

    ReadModelRebuilds(EventProcessingConfiguration processing, ApplicationContext application,
                      OnePassRebuild onePass, BooleanSupplier database, Duration firstStartAgain) {
        this.processing = processing;
        this.application = application;
        this.onePass = onePass;
        this.database = database;
        this.firstStartAgain = firstStartAgain;
    }

    /**
     * The query side is closing (this comes before anything is stopped). Synchronized with {@link #rebuild}: a
     * rebuild under way ends first, and any later one is refused.
     */
    @EventListener
    synchronized void closing(ContextClosedEvent closed) {
        if (closed.getApplicationContext() == application) {
            closing = true;
            startsAgain.shutdownNow();
        }
    }

    /**
     * A read model as this query side keeps it.
     *
     * @param segments       the segments of it this query side holds
     * @param position       the lowest position in the store its segments have reached (null before any)
     * @param rebuildingUpTo while it is rebuilt, the position it had reached when the rebuild began (beyond it,
     *                       it goes on taking in the store as always)
     * @param percent        while it is rebuilt, how far it has come towards that position (rebuilt aggregate by
     *                       aggregate, whose position moves only at the end: the share of its events read)
     */
    public record Status(String name, boolean running, boolean error, boolean rebuilding, int segments,
                         Long position, Long rebuildingUpTo, Integer percent) {
    }

    public List<Status> all() {
        return new TreeMap<>(processing.eventProcessors()).keySet().stream().map(this::of).toList();
    }

    /**
     * What {@code drawn} draws from every read model, refused while any is being rebuilt: a report, or a sealed
     * document drawn from it, would be incomplete (503, Retry-After). Asked before and after it is drawn, so that a
     * rebuild begun meanwhile is caught too (a read model is said rebuilt before it is emptied).
     */
    public <T> T settled(Supplier<T> drawn) {
        requireNoneRebuilding();
        T answer = drawn.get();
        requireNoneRebuilding();
        return answer;
    }

    private void requireNoneRebuilding() {
        List<Status> rebuilding = rebuilding();
        if (!rebuilding.isEmpty()) {
            throw new ReadModelsBeingRebuilt(rebuilding, "a document drawn from them now would be incomplete (their"
                    + " progress: GET /api/read-models)");
        }
    }

    /**
     * A list, figures or a file that {@code drawn} draws from these read models, refused while one of them is being
     * rebuilt: they would be short, and a program would take them as whole (503, Retry-After). Asked before and after
     * they are drawn, as {@link #settled}. The pages draw theirs all the same, and say so beside them
     * (RebuildsOnPages).
     */
    public <T> T whole(Supplier<T> drawn, String... readModels) {
        requireWhole(readModels);
        T answer = drawn.get();
        requireWhole(readModels);
        return answer;
    }

    /** The same, for what is drawn a part at a time (a file written as it is read): asked before each part. */
    public void requireWhole(String... readModels) {
        List<Status> rebuilding = Stream.of(readModels).map(this::of).filter(Status::rebuilding).toList();
        if (!rebuilding.isEmpty()) {
            throw new ReadModelsBeingRebuilt(rebuilding, "what is drawn from them now would be short");
        }
    }

    /** What to answer for a thing the read models do not hold: not found, or not yet while one is being rebuilt. */
    public ErrorResponseException answerFor(NotInTheReadModels missing) {
        List<Status> rebuilding = rebuilding();
        return rebuilding.isEmpty() ? missing : new ReadModelsBeingRebuilt(rebuilding, missing.getReason()
                + " now, which may be there once the rebuild is done");
    }

    /** The read models being rebuilt now: by this query side, or by another's pass (OnePassRebuild#elsewhere). */
    public List<Status> rebuilding() {
        return all().stream().filter(Status::rebuilding).toList();
    }

    public Status of(String name) {
        return status(name, processor(name));
    }

    /**
     * Empties the read model and has the store applied to it again, in one pass of its own (OnePassRebuild), then
     * by its processor from where the pass ended; answers at once, the pass under way. Refused while it is being
     * rebuilt, or while another query side holds any of its segments (each running query side holds its share of
     * them: the others are to be stopped first).
     */
    public synchronized Status rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        rebuild(List.of(processor));
        return status(name, processor);
    }

    /**
     * Empties every read model and has the store applied to all of them in one pass, as to new read models (after an
     * upgrade that changes what they keep, or to measure a rebuild); answers at once, the pass under way. Refused,
     * with nothing emptied, while any of them is being rebuilt, or while another query side holds any of their
     * segments.
     */
    public synchronized List<Status> rebuildAll() {
        rebuild(new TreeMap<>(processing.eventProcessors()).keySet().stream().map(this::processor).toList());
        return all();
    }

    private void rebuild(List<StreamingEventProcessor> processors) {
        if (closing) {
            throw stopping();
        }
        for (StreamingEventProcessor processor : processors) {
            if (status(processor.getName(), processor).rebuilding()) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, processors.size() == 1
                        ? "this read model is already being rebuilt"
                        : "read model " + processor.getName() + " is already being rebuilt");
            }
        }
        inOnePass(processors);
    }

    /**
     * Read models this query side found without any token as it started (see {@link NewReadModels}): their
     * processors wait for segments held for this pass, or, where those could not be held, have begun on the store,
     * each on its own; they are emptied and built together, in one pass. Left to their processors if that cannot be
     * done.
     */
    synchronized void rebuildNew(Collection<String> names) {
        List<StreamingEventProcessor> processors = names.stream()
                .flatMap(name -> processing.eventProcessor(name, StreamingEventProcessor.class).stream())
                // not one an admin has put in a pass meanwhile (a new processor's own replay is no reason)
                .filter(processor -> !onePass.inPass(processor.getName())).toList();
        if (closing || processors.isEmpty()) {
            return;
        }
        try {
            awaitSegments(processors);
            inOnePass(processors);
            log.info("Read models {} are new: the store is applied to them in one pass", namesOf(processors));
        } catch (ResponseStatusException notNow) {
            log.warn("Read models {} are new, and are built by their processors: {}", namesOf(processors),
                    notNow.getReason());
        } catch (RuntimeException failure) {
            log.warn("Read models {} are new, and are built by their processors", namesOf(processors), failure);
        }
    }

    private static List<String> namesOf(List<StreamingEventProcessor> processors) {
        return processors.stream().map(StreamingEventProcessor::getName).toList();
    }

    /** Each processor is started again as soon as the pass holds its segments, and waits for them. */
    private void inOnePass(List<StreamingEventProcessor> processors) {
        List<StreamingEventProcessor> stopped = new ArrayList<>();
        try {
            for (StreamingEventProcessor processor : processors) {
                stop(processor);
                stopped.add(processor);
            }
            onePass.rebuild(stopped);
        } catch (UnableToClaimTokenException heldElsewhere) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "another query side holds segments of this read"
                    + " model: stop the other query sides, rebuild it, then start them again once it is done");
        } catch (IllegalStateException notNow) { // being rebuilt already, or the query side stopping
            throw new ResponseStatusException(closing ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.CONFLICT,
                    notNow.getMessage());
        } finally {
            stopped.forEach(this::restart);
        }
    }

    /**
     * Stopped once its batches under way are written. One that takes longer (a lock held elsewhere) is not emptied:
     * it starts again as it was, once stopped.
     */
    private void stop(StreamingEventProcessor processor) {
        CompletableFuture<Void> stopped = processor.shutdownAsync();
        try {
            stopped.get(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException stillBusy) {
            stopped.whenComplete((done, failure) -> restart(processor));
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the read model could not be stopped"
                    + " within " + STOPPED_WITHIN.toSeconds() + " s; nothing was emptied, try again later");
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw stopping();
        }
    }

    private static ResponseStatusException stopping() {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the query side is stopping");
    }

    /**
     * A failure to start (the database out of reach) does not hide the answer to the request: readiness says the
     * read model is not running until it is started again, which is tried again in the background
     * ({@link #startLater}). Nothing starts once the query side is closing (a processor that took long to stop may
     * only be stopped by then).
     */
    private void restart(StreamingEventProcessor processor) {
        if (closing) {
            log.info("Read model {} not started again: the query side is stopping", processor.getName());
            return;
        }
        try {
            processor.start();
        } catch (RuntimeException failure) {
            log.warn("Read model {} could not be started again; tried again once the database answers",
                    processor.getName(), failure);
            startLater(processor, firstStartAgain);
        }
    }

    /**
     * Tries again after {@code pause}, and after twice as long each time it fails, up to {@link #LAST_START_AGAIN};
     * only while the database answers ({@link DatabaseReachability}), as Axon's start tries for a while on a
     * connection each time, and under this object's lock, so that a rebuild asked for meanwhile is not started
     * under it.
     */
    private void startLater(StreamingEventProcessor processor, Duration pause) {
        try {
            startsAgain.schedule(() -> startAgain(processor, pause), pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            log.info("Read model {} not started again: the query side is stopping", processor.getName());
        }
    }

    private synchronized void startAgain(StreamingEventProcessor processor, Duration paused) {
        if (closing || processor.isRunning()) {
            return;
        }
        if (!database.getAsBoolean()) {
            startLater(processor, paused); // looked at again soon: a start is tried within moments of its return
            return;
        }
        Duration doubled = paused.multipliedBy(2);
        Duration next = doubled.compareTo(LAST_START_AGAIN) < 0 ? doubled : LAST_START_AGAIN;
        try {
            processor.start();
            log.info("Read model {} started again", processor.getName());
        } catch (RuntimeException failure) {
            log.warn("Read model {} could not be started again, tried again in {} s: {}", processor.getName(),
                    next.toSeconds(), failure.toString());
            startLater(processor, next);
        }
    }

    /**
     * Processors just started have their segments within moments, made at their first start, unless they were made
     * for the pass before they started (NewReadModels).
     */
    private void awaitSegments(List<StreamingEventProcessor> processors) {
        Instant giveUp = Instant.now().plus(SEGMENTS_MADE_WITHIN);
        while (processors.stream().anyMatch(processor -> !onePass.hasSegments(processor.getName()))
                && Instant.now().isBefore(giveUp)) {
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
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no read model of that name"));
    }

    /**
     * Rebuilding while a segment has not yet reached the position it had at the reset. (Axon still calls a segment
     * replaying after that, until it takes in an event stored since: in a quiet hour, that could be long.)
     */
    private Status status(String name, StreamingEventProcessor processor) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (!segments.isEmpty()) {
            onePass.takenBack(name);
        }
        Optional<OnePassRebuild.Progress> pass = onePass.progress(name)
                .or(() -> segments.isEmpty() ? onePass.elsewhere(name) : Optional.empty());
        if (pass.isPresent()) {
            OnePassRebuild.Progress progress = pass.get();
            return new Status(name, processor.isRunning(), processor.isError(), true, progress.segments(),
                    progress.position(), progress.upTo(), progress.percent());
        }
        Long position = orNull(segments.stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min());
        Long upTo = orNull(segments.stream().filter(ReadModelRebuilds::behindTheReset)
                .map(EventTrackerStatus::getResetPosition).mapToLong(OptionalLong::getAsLong).max());
        boolean rebuilding = upTo != null;
        Integer percent = rebuilding ? OnePassRebuild.Progress.percent(position == null ? 0 : position, upTo) : null;
        return new Status(name, processor.isRunning(), processor.isError(), rebuilding, segments.size(), position,
                upTo, percent);
    }

    private static boolean behindTheReset(EventTrackerStatus segment) {
        return segment.isReplaying() && segment.getResetPosition().isPresent()
                && segment.getCurrentPosition().orElse(-1) < segment.getResetPosition().getAsLong();
    }

    private static Long orNull(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }
}
