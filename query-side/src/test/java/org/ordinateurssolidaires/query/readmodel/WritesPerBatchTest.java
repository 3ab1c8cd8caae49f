package org.ordinateurssolidaires.query.readmodel;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.AdjustableClock;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * When a read model's rows are written once per batch, and when event by event: after any rolled-back batch of its
 * processor, for a while, and wherever no processor decided (a parked event retried, a handler called directly).
 * A batch written once reads the rows its read model keeps per aggregate in one go as it starts, and a failure of
 * that read is the batch's, before any event's handlers.
 */
class WritesPerBatchTest {

    private static final UUID LAPTOP = UUID.fromString("0b0e8f43-4b8e-4d52-a5a4-6c1d0b2f5e01");
    private static final UUID TABLET = UUID.fromString("0b0e8f43-4b8e-4d52-a5a4-6c1d0b2f5e02");

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final WritesPerBatch writes = new WritesPerBatch(clock);
    @SuppressWarnings("unchecked")
    private final SequencedDeadLetterQueue<EventMessage<?>> parked = mock(SequencedDeadLetterQueue.class);
    private final MessageHandlerInterceptor<EventMessage<?>> inventory = writes.decidedOncePerBatch("inventory",
            SequentialPerAggregatePolicy.instance(), () -> Optional.of(parked));
    private final MessageHandlerInterceptor<EventMessage<?>> donors = writes.decidedOncePerBatch("donors",
            SequentialPerAggregatePolicy.instance(), Optional::empty);
    private final Session session = mock(Session.class);

    WritesPerBatchTest() {
        EntityManager shared = mock(EntityManager.class);
        when(shared.unwrap(Session.class)).thenReturn(session);
        ReflectionTestUtils.setField(writes, "session", shared);
        writes.readWithTheBatch("inventory", DeviceRow.class);
        writes.readWithTheBatch("referrals", ReferralRow.class);
    }

    @Test
    void onceABatchIsRolledBackItsProcessorWritesEventByEventForAWhile() throws Exception {
        assertThat(batch(inventory, true)).containsExactly(false, false);

        assertThat(batch(inventory, false)).as("the batch that fails").containsExactly(false, false);
        assertThat(batch(inventory, true)).as("its next attempt").containsExactly(true, true);
        assertThat(batch(donors, true)).as("another read model").containsExactly(false, false);

        clock.advance(WritesPerBatch.EVENT_BY_EVENT_FOR.minusSeconds(1));
        assertThat(batch(inventory, true)).containsExactly(true, true);
        clock.advance(Duration.ofSeconds(2));
        assertThat(batch(inventory, true)).containsExactly(false, false);
    }

    @Test
    void whereNoProcessorDecidedEventsAreWrittenOneByOne() {
        assertThat(WritesPerBatch.eventByEvent()).isTrue();
        UnitOfWork<?> direct = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a handler's test"));
        assertThat(WritesPerBatch.eventByEvent()).isTrue();
        direct.commit();
    }

    /** Axon retries a parked event through the processor's interceptors, in a unit of work of its own. */
    @Test
    void aParkedEventRetriedIsWrittenAsItsHandlersReturnAndItsFailureLeavesTheProcessorAsItWas() throws Exception {
        UnitOfWork<EventMessage<?>> retry = DefaultUnitOfWork.startAndGet(event(LAPTOP, 0));
        Boolean[] decided = new Boolean[1];
        new DefaultInterceptorChain<>(retry, List.of(inventory), message -> {
            decided[0] = WritesPerBatch.eventByEvent();
            return null;
        }).proceed();
        retry.rollback(new IllegalStateException("still refused"));

        assertThat(decided[0]).isTrue();
        assertThat(batch(inventory, true)).as("the processor's next batch").containsExactly(false, false);
        verify(session, never()).findMultiple(any(Class.class), anyList());
    }

    @Test
    void theRowOfAParkedSequenceIsNotReadAhead() throws Exception {
        when(parked.contains(TABLET.toString())).thenReturn(true);

        events(inventory, event(LAPTOP, 0), event(TABLET, 3));

        verify(session, times(1)).findMultiple(DeviceRow.class, List.of(LAPTOP));
    }

    @Test
    void aBatchWrittenOnceReadsTheRowsOfAllItsEventsAggregatesOnceAsItStarts() throws Exception {
        List<EventMessage<?>> handled = events(inventory, event(LAPTOP, 0), event(TABLET, 0), event(LAPTOP, 1),
                GenericEventMessage.asEventMessage("not an aggregate's"),
                new GenericDomainEventMessage<>("Counter", "not-a-uuid", 0, "an aggregate keyed otherwise"));

        assertThat(handled).hasSize(5);
        verify(session, times(1)).findMultiple(DeviceRow.class, List.of(LAPTOP, TABLET));
    }

    @Test
    void aReadModelSequencedOtherwiseReadsItsRowsBySequence() throws Exception {
        MessageHandlerInterceptor<EventMessage<?>> referrals = writes.decidedOncePerBatch("referrals",
                event -> event.getPayload() instanceof Allocated allocated ? allocated.referral().toString()
                        : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event), Optional::empty);

        events(referrals, event(TABLET, 0), new GenericDomainEventMessage<>("Device", LAPTOP.toString(), 3,
                new Allocated(TABLET)));

        verify(session, times(1)).findMultiple(ReferralRow.class, List.of(TABLET));
    }

    @Test
    void nothingIsReadAheadEventByEventNorForAReadModelWithoutRowsPerAggregate() throws Exception {
        events(donors, event(LAPTOP, 0));
        assertThat(batch(inventory, false)).as("a rolled-back batch").containsExactly(false, false);
        events(inventory, event(LAPTOP, 0), event(TABLET, 0));

        verify(session, never()).findMultiple(any(Class.class), anyList());
    }

    @Test
    void aFailedReadFailsTheBatchBeforeAnyHandlerAndItsNextAttemptReadsEventByEvent() throws Exception {
        when(session.findMultiple(DeviceRow.class, List.of(LAPTOP, TABLET)))
                .thenThrow(new PersistenceException("a row that cannot be read"));

        List<EventMessage<?>> handled = new ArrayList<>();
        assertThatThrownBy(() -> events(inventory, handled, event(LAPTOP, 0), event(TABLET, 0)))
                .isInstanceOf(PersistenceException.class);
        assertThat(handled).as("no event's handlers ran, so none is blamed").isEmpty();

        assertThat(events(inventory, event(LAPTOP, 0), event(TABLET, 0))).as("the next attempt").hasSize(2);
        verify(session, times(1)).findMultiple(any(Class.class), anyList());
    }

    /** A rebuild device by device: its rows are all new, so written once, none looked for, even after a rollback. */
    @Test
    void aBatchOfNewRowsOnlyIsWrittenOnceAndReadsNothingAhead() throws Exception {
        assertThat(batch(inventory, false)).as("a rolled-back batch of its processor").containsExactly(false, false);

        List<Boolean> decided = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event(LAPTOP, 0),
                event(TABLET, 0)));
        WritesPerBatch.newRowsOnly(batch);
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(inventory), event -> {
            decided.add(WritesPerBatch.eventByEvent());
            return null;
        }).proceed());

        assertThat(decided).containsExactly(false, false);
        verify(session, never()).findMultiple(any(Class.class), anyList());
    }

    private List<EventMessage<?>> events(MessageHandlerInterceptor<EventMessage<?>> processor,
                                         EventMessage<?>... events) throws Exception {
        List<EventMessage<?>> handled = new ArrayList<>();
        events(processor, handled, events);
        return handled;
    }

    /** The events through the processor's interceptor in one batch, as a pooled processor hands them. */
    private static void events(MessageHandlerInterceptor<EventMessage<?>> processor, List<EventMessage<?>> handled,
                               EventMessage<?>... events) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(processor), event -> {
            handled.add(event);
            return null;
        }).proceed());
        if (batch.getExecutionResult().isExceptionResult()) {
            throw (Exception) batch.getExecutionResult().getExceptionResult();
        }
    }

    private static EventMessage<?> event(UUID device, long sequence) {
        return new GenericDomainEventMessage<>("Device", device.toString(), sequence, "an event of " + device);
    }

    private static final class DeviceRow {
    }

    private static final class ReferralRow {
    }

    /** A device's event naming the referral it serves, sequenced by that referral. */
    private record Allocated(UUID referral) {
    }

    /** Two events through the processor's interceptor in one batch: how each was to be written. */
    private static List<Boolean> batch(MessageHandlerInterceptor<EventMessage<?>> processor, boolean commits)
            throws Exception {
        List<Boolean> decided = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(
                GenericEventMessage.asEventMessage("first"), GenericEventMessage.asEventMessage("second")));
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch, List.of(processor), message -> {
            decided.add(WritesPerBatch.eventByEvent());
            if (!commits && decided.size() == 2) {
                throw new IllegalStateException("a row the database refused");
            }
            return null;
        }).proceed());
        assertThat(batch.isRolledBack()).isEqualTo(!commits);
        return decided;
    }
}
