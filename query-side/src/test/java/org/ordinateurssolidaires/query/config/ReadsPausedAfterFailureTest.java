package org.ordinateurssolidaires.query.config;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * After a failed shared read the store is left alone for a second, so that Axon's error log has one entry a second
 * rather than twenty; a processor's own read is never held back.
 */
class ReadsPausedAfterFailureTest {

    private final EventStorageEngine store = mock(EventStorageEngine.class);
    private final AtomicLong nanoTime = new AtomicLong(-5_000_000_000L); // any value: only differences count
    private final ReadsPausedAfterFailure reads = new ReadsPausedAfterFailure(store, Duration.ofSeconds(1),
            nanoTime::get);
    private final TrackedEventMessage<?> event = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
            GenericEventMessage.asEventMessage("a device received"));

    @Test
    void aReadFailingAsItIsConsumedIsNotTriedAgainForASecond() {
        when(store.readEvents(null, true)).thenAnswer(call -> Stream.generate(() -> {
            throw new EventStoreException("permission denied for table domainevententry");
        }));

        assertThatThrownBy(() -> reads.readEvents(null, true).forEach(read -> { }))
                .isInstanceOf(EventStoreException.class);
        nanoTime.addAndGet(Duration.ofMillis(950).toNanos());
        assertThat(reads.readEvents(null, true)).as("paused: nothing found, the store not asked").isEmpty();
        verify(store, times(1)).readEvents(null, true);

        nanoTime.addAndGet(Duration.ofMillis(100).toNanos());
        when(store.readEvents(null, true)).thenAnswer(call -> Stream.of(event));
        assertThat(reads.readEvents(null, true).map(Object.class::cast)).as("the store asked again").containsExactly(event);
        verify(store, times(2)).readEvents(null, true);
    }

    @Test
    void aReadFailingAtOnceIsPausedToo() {
        when(store.readEvents(null, true)).thenThrow(new EventStoreException("no connection"));

        assertThatThrownBy(() -> reads.readEvents(null, true)).isInstanceOf(EventStoreException.class);

        assertThat(reads.readEvents(null, true)).isEmpty();
        verify(store, times(1)).readEvents(null, true);
    }

    @Test
    void aProcessorsOwnReadIsNeverHeldBack() {
        when(store.readEvents(null, true)).thenThrow(new EventStoreException("no connection"));
        assertThatThrownBy(() -> reads.readEvents(null, true)).isInstanceOf(EventStoreException.class);
        when(store.readEvents(null, false)).thenAnswer(call -> Stream.of(event));

        assertThat(reads.readEvents(null, false).map(Object.class::cast)).containsExactly(event);
    }
}
