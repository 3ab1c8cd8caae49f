package org.ordinateurssolidaires.query.deadletter;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.AdjustableClock;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The decision to park or to fail the batch, and the marks {@link RollbackFirstDeadLetterQueue} keeps between an
 * event's first failure and its parking, with Axon's own dead-lettering invoker in front of it. The queue behind it
 * is Axon's in-memory one, emptied when a batch rolls back, as the JDBC queue's rows are with the transaction.
 */
class RollbackFirstDeadLetterQueueTest {

    private static final String CHECK_VIOLATION = "23514";
    private static final String CONNECTION_FAILURE = "08006";

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final InMemorySequencedDeadLetterQueue<EventMessage<?>> parked = InMemorySequencedDeadLetterQueue.defaultQueue();
    private final RollbackFirstDeadLetterQueue queue = new RollbackFirstDeadLetterQueue("test", parked, clock);
    private final Projection projection = new Projection();
    private final DeadLetteringEventHandlerInvoker invoker =
            DeadLetteringEventHandlerInvoker.builder()
                                            .eventHandlers(projection)
                                            .queue(queue)
                                            .enqueuePolicy(DeadLetterConfiguration::decide)
                                            .transactionManager(NoTransactionManager.INSTANCE)
                                            .build();

    @Test
    void parksWhatTheDatabaseRefusesButFailsTheBatchWhenTheConnectionIsLost() {
        var letter = new GenericDeadLetter<>("device", event("device", "ok"));
        var refused = new DataIntegrityViolationException("insert", new PSQLException("check", PSQLState.CHECK_VIOLATION));
        assertThat(DeadLetterConfiguration.decide(letter, refused).shouldEnqueue()).isTrue();
        assertThat(DeadLetterConfiguration.decide(letter,
                new RuntimeException(new SQLException("violates check constraint", CHECK_VIOLATION)))
                       .shouldEnqueue()).isTrue();
        assertThat(DeadLetterConfiguration.decide(letter, new IllegalStateException("a projection bug"))
                                          .shouldEnqueue()).isTrue();

        for (RuntimeException lost : List.of(
                new DataAccessResourceFailureException("gone", new SQLException("I/O error", CONNECTION_FAILURE)),
                new JDBCConnectionException("gone", new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE)),
                new DataAccessResourceFailureException("gone", new SQLException("terminating connection due to "
                        + "administrator command", "57P01")))) {
            assertThatThrownBy(() -> DeadLetterConfiguration.decide(letter, lost)).isSameAs(lost);
        }
    }

    @Test
    void aFailureThatMayPassOnRetryIsNeitherParkedNorMarked() throws Exception {
        EventMessage<?> event = event("device-1", "lost connection");
        assertThatThrownBy(() -> invoker.handle(event, Segment.ROOT_SEGMENT))
                .isInstanceOf(DataAccessResourceFailureException.class);
        assertThat(parked.size()).isZero();

        projection.healthy = true; // the database is back
        invoker.handle(event, Segment.ROOT_SEGMENT);
        assertThat(projection.applied).containsExactly("device-1");
        assertThat(parked.size()).isZero();
    }

    @Test
    void severalEventsFailingInOneBatchAreAllParkedAfterOneAttemptMoreThanThereAreOfThem() {
        List<EventMessage<?>> batch = List.of(event("d1", "refused"), event("d2", "ok"), event("d3", "refused"),
                event("d4", "refused"), event("d5", "ok"), event("d6", "refused"));
        int attempts = 0;
        boolean committed = false;
        while (!committed && attempts < 20) {
            attempts++;
            projection.applied.clear();
            committed = processBatch(batch);
        }
        assertThat(attempts).isEqualTo(5); // four failing events; the mark of each survives the later rollbacks
        assertThat(parked.amountOfSequences()).isEqualTo(4);
        assertThat(projection.applied).containsExactly("d2", "d5");
        assertThat(parked.deadLetterSequence("d1").iterator().next().cause().orElseThrow().message())
                .contains("violates check constraint");

        // once committed, the marks are gone: a later event of d1 queues up behind its letter, and nothing parks twice
        assertThat(processBatch(List.of(event("d1", "ok")))).isTrue();
        assertThat(parked.size()).isEqualTo(5);
        assertThat(parked.sequenceSize("d1")).isEqualTo(2);
    }

    @Test
    void aMarkParksItsEventOnlyOnceInABatch() {
        EventMessage<?> event = event("d1", "refused");
        assertThatThrownBy(() -> invoker.handle(event, Segment.ROOT_SEGMENT))
                .isInstanceOf(RollbackFirstDeadLetterQueue.RolledBackToParkCleanly.class);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(event);
        assertThat(queue.enqueueIfPresent("d1", () -> new GenericDeadLetter<>("d1", event))).isTrue();
        assertThat(queue.enqueueIfPresent("d1", () -> new GenericDeadLetter<>("d1", event))).isTrue();
        batch.commit();
        assertThat(parked.size()).isEqualTo(1);
    }

    @Test
    void aStaleMarkDoesNotParkAHealthyEvent() throws Exception {
        EventMessage<?> event = event("d1", "refused");
        assertThatThrownBy(() -> invoker.handle(event, Segment.ROOT_SEGMENT))
                .isInstanceOf(RollbackFirstDeadLetterQueue.RolledBackToParkCleanly.class);

        // the segment went to another instance, which applied the event once the cause was fixed; much later this
        // instance is handed the segment back, and replays the event after a reset
        clock.advance(RollbackFirstDeadLetterQueue.MARK_TIME_TO_LIVE.plusSeconds(1));
        projection.healthy = true;
        invoker.handle(event, Segment.ROOT_SEGMENT);
        assertThat(projection.applied).containsExactly("d1");
        assertThat(parked.size()).isZero();
    }

    @Test
    void aMarkWithinItsTimeToLiveParksTheEventWithoutHandlingIt() throws Exception {
        EventMessage<?> event = event("d1", "refused");
        assertThatThrownBy(() -> invoker.handle(event, Segment.ROOT_SEGMENT))
                .isInstanceOf(RollbackFirstDeadLetterQueue.RolledBackToParkCleanly.class);
        clock.advance(Duration.ofSeconds(60)); // the processor's longest pause
        invoker.handle(event, Segment.ROOT_SEGMENT);
        assertThat(projection.applied).isEmpty();
        assertThat(parked.size()).isEqualTo(1);
    }

    @Test
    void aBatchAsksWhetherAnythingIsParkedOnceRatherThanForEachEvent() throws Exception {
        InMemorySequencedDeadLetterQueue<EventMessage<?>> asked = spy(InMemorySequencedDeadLetterQueue.defaultQueue());
        DeadLetteringEventHandlerInvoker counted =
                DeadLetteringEventHandlerInvoker.builder()
                                                .eventHandlers(projection)
                                                .queue(new RollbackFirstDeadLetterQueue("test", asked, clock))
                                                .enqueuePolicy(DeadLetterConfiguration::decide)
                                                .transactionManager(NoTransactionManager.INSTANCE)
                                                .build();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        for (String device : List.of("d1", "d2", "d3")) {
            counted.handle(event(device, "ok"), Segment.ROOT_SEGMENT);
        }
        batch.commit();

        assertThat(projection.applied).containsExactly("d1", "d2", "d3");
        verify(asked, times(1)).size();
        verify(asked, never()).enqueueIfPresent(any(), any());
        verify(asked, never()).contains(any());
    }

    @Test
    void whetherASequenceIsParkedIsAnsweredWithoutAQueryInABatchOfAGroupWithNoLetter() {
        InMemorySequencedDeadLetterQueue<EventMessage<?>> asked = spy(InMemorySequencedDeadLetterQueue.defaultQueue());
        RollbackFirstDeadLetterQueue counted = new RollbackFirstDeadLetterQueue("test", asked, clock);

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        assertThat(counted.contains("d1")).isFalse();
        assertThat(counted.contains("d2")).isFalse();
        batch.commit();
        verify(asked, times(1)).size();
        verify(asked, never()).contains(any());

        asked.enqueue("d1", new GenericDeadLetter<>("d1", event("d1", "refused")));
        UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        assertThat(counted.contains("d1")).isTrue();
        assertThat(counted.contains("d2")).isFalse();
        next.commit();
        assertThat(counted.contains("d1")).as("outside a batch, always asked").isTrue();
    }

    @Test
    void anEventParkedInABatchHoldsBackTheLaterEventsOfItsAggregateInTheSameBatch() {
        List<EventMessage<?>> batch = List.of(event("d1", "refused"), event("d1", "ok"), event("d2", "ok"));
        assertThat(processBatch(batch)).isFalse(); // the first failure rolls the batch back, nothing parked before
        projection.applied.clear();

        assertThat(processBatch(batch)).isTrue();
        assertThat(parked.sequenceSize("d1")).isEqualTo(2);
        assertThat(projection.applied).containsExactly("d2");
    }

    /** One batch in one unit of work; rolled back, parking included, at the first failure. */
    private boolean processBatch(List<EventMessage<?>> batch) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        boolean nothingParkedBefore = parked.size() == 0;
        try {
            for (EventMessage<?> event : batch) {
                invoker.handle(event, Segment.ROOT_SEGMENT);
            }
            unitOfWork.commit();
            return true;
        } catch (Exception failed) {
            unitOfWork.rollback(failed);
            if (nothingParkedBefore) {
                parked.clear(); // what the rolled-back batch parked goes with it
            }
            return false;
        }
    }

    private static DomainEventMessage<String> event(String device, String payload) {
        return new GenericDomainEventMessage<>("Device", device, 0, payload);
    }

    static class Projection {

        final List<String> applied = new ArrayList<>();
        boolean healthy;

        @EventHandler
        void on(String payload, DomainEventMessage<?> message) {
            if (!healthy && payload.equals("refused")) {
                throw new DataIntegrityViolationException("could not execute statement",
                        new SQLException("new row violates check constraint \"refused\"", CHECK_VIOLATION));
            }
            if (!healthy && payload.equals("lost connection")) {
                throw new DataAccessResourceFailureException("could not execute statement",
                        new JDBCConnectionException("I/O error",
                                new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE)));
            }
            applied.add(message.getAggregateIdentifier());
        }
    }

}
