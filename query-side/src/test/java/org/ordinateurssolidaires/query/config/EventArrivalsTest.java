package org.ordinateurssolidaires.query.config;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events appended by another process reach the processors' streams, and the streams' callbacks are called when they
 * do, and every half second anyway: the coordinator relies on it, as it then waits up to five seconds before looking
 * again on its own.
 */
class EventArrivalsTest {

    /** Stands for the command side's store: its appends do not go through the source under test. */
    private final InMemoryEventStorageEngine commandSide = new InMemoryEventStorageEngine();
    /** Called back on arrivals only, within these tests' time. */
    private final EventArrivals arrivals = new EventArrivals(commandSide, Duration.ofMillis(20), Duration.ofHours(1));
    private final EventArrivals everyTenthOfASecond = new EventArrivals(commandSide, Duration.ofMillis(20),
            Duration.ofMillis(100));

    @AfterEach
    void stop() throws InterruptedException {
        arrivals.stop();
        everyTenthOfASecond.stop();
    }

    @Test
    void aStreamIsCalledBackWhenAnotherProcessAppendsAndThenHasTheEvent() throws InterruptedException {
        append("device-1", 0);
        Semaphore calledBack = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = arrivals.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(calledBack::release)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("device-1 #0");
            assertThat(stream.hasNextAvailable()).isFalse();
            calledBack.drainPermits();

            append("device-1", 1);

            assertThat(calledBack.tryAcquire(10, TimeUnit.SECONDS)).as("called back").isTrue();
            assertThat(stream.hasNextAvailable()).as("has the event when called back").isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("device-1 #1");
        }
    }

    @Test
    void aClosedStreamIsNoLongerCalledBackWhileAnOpenOneIs() throws InterruptedException {
        Semaphore closedOne = new Semaphore(0);
        Semaphore openOne = new Semaphore(0);
        BlockingStream<TrackedEventMessage<?>> closed = arrivals.openStream(null);
        closed.setOnAvailableCallback(closedOne::release);
        try (BlockingStream<TrackedEventMessage<?>> open = arrivals.openStream(null)) {
            open.setOnAvailableCallback(openOne::release);
            closed.close();

            append("device-2", 0);

            assertThat(openOne.tryAcquire(10, TimeUnit.SECONDS)).as("the open stream called back").isTrue();
            assertThat(closedOne.availablePermits()).as("calls to the closed stream").isZero();
        }
    }

    @Test
    void aCallbackGivenAgainReplacesTheFirst() throws InterruptedException {
        Semaphore first = new Semaphore(0);
        Semaphore second = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = arrivals.openStream(null)) {
            stream.setOnAvailableCallback(first::release);
            stream.setOnAvailableCallback(second::release);

            append("device-3", 0);

            assertThat(second.tryAcquire(10, TimeUnit.SECONDS)).as("the second callback").isTrue();
            assertThat(first.availablePermits()).as("calls to the first").isZero();
        }
    }

    @Test
    void aStreamIsCalledBackWithoutEventsTooSoThatItsCoordinatorTendsItsSegments() throws InterruptedException {
        Semaphore calledBack = new Semaphore(0);
        try (BlockingStream<TrackedEventMessage<?>> stream = everyTenthOfASecond.openStream(null)) {
            stream.setOnAvailableCallback(calledBack::release);

            assertThat(calledBack.tryAcquire(3, 10, TimeUnit.SECONDS)).as("called back three times").isTrue();
            assertThat(stream.hasNextAvailable()).as("with no event").isFalse();
        }
    }

    /**
     * Stopped with the context's lifecycle, after the processors and before any bean is destroyed: the database's
     * pool closed first, and the shared read's next look logged an error at a stop of the app.
     */
    @Test
    void stopsInTheLifecycleOnceTheProcessorsHave() throws InterruptedException {
        arrivals.start();
        arrivals.openStream(null).close();
        assertThat(arrivals.isRunning()).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(thread -> thread.getName().equals("EventArrivals"));

        arrivals.stop();

        assertThat(arrivals.isRunning()).isFalse();
        assertThat(arrivals.getPhase()).as("stopped after Axon's processors").isLessThan(
                SpringAxonConfiguration.LIFECYCLE_PHASE);
        assertThat(Thread.getAllStackTraces().keySet()).as("the watcher, stopped")
                .noneMatch(thread -> thread.getName().equals("EventArrivals") && thread.isAlive());
    }

    private void append(String device, long sequence) {
        commandSide.appendEvents(new GenericDomainEventMessage<>("Device", device, sequence, device + " #" + sequence));
    }
}
