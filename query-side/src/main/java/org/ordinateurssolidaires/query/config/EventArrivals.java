package org.ordinateurssolidaires.query.config;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the read models' processors read it, and how they learn at once that events arrived.
 * <p>
 * The command side appends in another process, so this one sees a new event only when it reads the store again.
 * With Axon's defaults that took up to a second and a half: its event store reads every second once caught up, and
 * a pooled processor whose stream cannot call it back looks for events every half second. Under the command load a
 * command took seconds to show in the inventory (docs/benchmarks.md). Here the store is read every
 * {@code ordinateurs.event-store.poll-interval}, and one watcher follows the same shared read as the processors:
 * when it brings events, every open stream's availability callback is called, which is how Axon's coordinator
 * wants to be woken (it then waits up to five seconds between looks of its own, so it is called back at least every
 * half second too).
 */
@Component
public class EventArrivals implements StreamableMessageSource<TrackedEventMessage<?>>, BesideAxonsProcessors {

    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);
    /**
     * How long the shared read of the store, and the watcher following it, wait before they try again after a
     * failure (the database out of reach).
     */
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

    private final EmbeddedEventStore store;
    /**
     * The streams are called back at least this often, events or not, as often as Axon's coordinator looks on its own
     * when it cannot be called back: it also tends its segments when it runs (one whose batch failed is claimed again
     * after its pause), and would otherwise wait five seconds for that.
     */
    private final Duration atLeastEvery;
    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();
    /** Open once the watcher follows the shared read (or could not reach the store): see {@link #startWatching}. */
    private final CountDownLatch following = new CountDownLatch(1);
    private Thread watcher;
    private volatile boolean running;
    /** Once stopped, no watcher starts again: the store it would follow is shut down. */
    private boolean stopped;

    @Autowired
    EventArrivals(EventStorageEngine storageEngine,
                  @Value("${ordinateurs.event-store.poll-interval:50ms}") Duration pollInterval) {
        this(storageEngine, pollInterval, Duration.ofMillis(500));
    }

    EventArrivals(EventStorageEngine storageEngine, Duration pollInterval, Duration atLeastEvery) {
        this.atLeastEvery = atLeastEvery;
        this.store = EmbeddedEventStore.builder()
                                       .storageEngine(new ReadsPausedAfterFailure(storageEngine, AFTER_FAILURE,
                                               System::nanoTime))
                                       .fetchDelay(pollInterval.toMillis())
                                       .timeUnit(TimeUnit.MILLISECONDS)
                                       .build();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken from) {
        startWatching();
        return new Watched(store.openStream(from));
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
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    /**
     * Starts the watcher at the first stream, from the store's head as it is now: an event appended once the stream
     * is open is an arrival, however late the watcher's thread begins. The stream is handed on only once the watcher
     * follows the store's shared read, the one every caught-up stream reads: a stream's first look is a read of its
     * own, and an event the watcher saw there was called back before the shared read held it, so the processors'
     * streams had nothing yet and looked again only half a second later (one time in a hundred in
     * {@code EventArrivalsTest}).
     */
    private synchronized void startWatching() {
        if (watcher == null && !stopped) {
            TrackingToken head = store.createHeadToken();
            watcher = new Thread(() -> watch(head), "EventArrivals");
            watcher.setDaemon(true);
            watcher.start();
            try {
                following.await(AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Follows the shared read from {@code head} and calls back every open stream when it brings events (after each
     * hundred, while they keep coming), and at least every {@link #atLeastEvery}.
     */
    private void watch(TrackingToken head) {
        boolean failing = false;
        while (!Thread.currentThread().isInterrupted()) {
            // from the head given (null: the store was empty, every event is an arrival), or, after a failure, the
            // head then: what came meanwhile the processors find as they are called back below
            try (BlockingStream<TrackedEventMessage<?>> arrivals = store.openStream(
                    failing ? store.createHeadToken() : head)) {
                failing = false;
                // its first look, with nothing after the head yet, moves it from a read of its own to the shared one
                arrivals.hasNextAvailable();
                following.countDown();
                while (true) {
                    arrivals.hasNextAvailable((int) atLeastEvery.toMillis(), TimeUnit.MILLISECONDS);
                    for (int taken = 0; taken < 100 && arrivals.hasNextAvailable(); taken++) {
                        arrivals.nextAvailable();
                    }
                    callBack();
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                // the database out of reach, which the health tells (and Axon's own reads log each time)
                if (!failing) {
                    log.warn("Could not follow the event store; trying again every second", failure);
                }
                failing = true;
                following.countDown();
                callBack();
                try {
                    Thread.sleep(AFTER_FAILURE.toMillis());
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Every open stream, each on its own: one that fails (its processor stopping) keeps none of the others waiting. */
    private void callBack() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException failure) {
                log.debug("A processor's stream could not be called back", failure);
            }
        }
    }

    @Override
    public void start() {
        running = !stopped; // the watcher starts with the first stream
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /**
     * Stops the watcher and the store's shared read, for good. In the context's lifecycle, before any bean is
     * destroyed: stopped as the bean was destroyed, after the database's pool had closed, the shared read's next look
     * found it closed and logged an error at a stop of the app.
     */
    @Override
    @PreDestroy
    public synchronized void stop() {
        running = false;
        stopped = true;
        if (watcher != null) {
            watcher.interrupt();
            try {
                watcher.join(AFTER_FAILURE.toMillis());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }
        store.shutDown();
    }

    /** A processor's stream, called back when events arrive. */
    private final class Watched implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private Runnable callback;

        private Watched(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Optional.ofNullable(this.callback).ifPresent(callbacks::remove);
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Optional.ofNullable(callback).ifPresent(callbacks::remove);
            stream.close();
        }
    }
}
