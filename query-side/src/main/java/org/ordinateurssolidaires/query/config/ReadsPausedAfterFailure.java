package org.ordinateurssolidaires.query.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import javax.annotation.Nonnull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The store as {@link EventArrivals}' shared read sees it: once that read fails, it is not tried again for a
 * {@code pause}, and finds nothing meanwhile. Axon's event store reads every poll interval (50 ms) once caught up, and
 * logs each failed read as an error with its stack trace: a failure that comes back at once (a permission revoked)
 * would otherwise fill the log twenty times a second. Only that shared read pauses; a processor's own read of older
 * events, and everything else, goes to the store as it is.
 */
final class ReadsPausedAfterFailure implements EventStorageEngine {

    private final EventStorageEngine store;
    private final long pauseNanos;
    /** {@link System#nanoTime}: the pause is not lengthened by the wall clock set back. */
    private final LongSupplier nanoTime;
    private volatile boolean paused;
    private volatile long pausedSince;

    ReadsPausedAfterFailure(EventStorageEngine store, Duration pause, LongSupplier nanoTime) {
        this.store = store;
        this.pauseNanos = pause.toNanos();
        this.nanoTime = nanoTime;
    }

    /** {@code mayBlock} is what tells the shared read (true) from a processor's own (false) in Axon's event store. */
    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (!mayBlock) {
            return store.readEvents(trackingToken, false);
        }
        if (paused && nanoTime.getAsLong() - pausedSince < pauseNanos) {
            return Stream.empty();
        }
        paused = false;
        try {
            return pausedOnFailure(store.readEvents(trackingToken, true));
        } catch (RuntimeException failed) {
            pause();
            throw failed;
        }
    }

    private void pause() {
        pausedSince = nanoTime.getAsLong();
        paused = true;
    }

    /** The rows are read as the stream is consumed: a failure then pauses the read as well. */
    private <T> Stream<T> pausedOnFailure(Stream<T> events) {
        Spliterator<T> read = events.spliterator();
        Spliterator<T> watched = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED) {
            @Override
            public boolean tryAdvance(Consumer<? super T> action) {
                try {
                    return read.tryAdvance(action);
                } catch (RuntimeException failed) {
                    pause();
                    throw failed;
                }
            }
        };
        return StreamSupport.stream(watched, false).onClose(events::close);
    }

    @Override
    public void appendEvents(@Nonnull List<? extends EventMessage<?>> events) {
        store.appendEvents(events);
    }

    @Override
    public void storeSnapshot(@Nonnull DomainEventMessage<?> snapshot) {
        store.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(@Nonnull String aggregateIdentifier, long firstSequenceNumber) {
        return store.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(@Nonnull String aggregateIdentifier) {
        return store.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(@Nonnull String aggregateIdentifier) {
        return store.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}
