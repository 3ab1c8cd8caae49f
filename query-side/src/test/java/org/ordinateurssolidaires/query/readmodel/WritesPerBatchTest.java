package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.AdjustableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a read model's rows are written once per batch, and when event by event: after any rolled-back batch of its
 * processor, for a while, and wherever no processor decided (a parked event retried, a handler called directly).
 */
class WritesPerBatchTest {

    private final AdjustableClock clock = new AdjustableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final WritesPerBatch writes = new WritesPerBatch(clock);
    private final MessageHandlerInterceptor<EventMessage<?>> inventory = writes.decidedOncePerBatch("inventory");
    private final MessageHandlerInterceptor<EventMessage<?>> donors = writes.decidedOncePerBatch("donors");

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
        UnitOfWork<?> retry = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a parked event"));
        assertThat(WritesPerBatch.eventByEvent()).isTrue();
        retry.commit();
    }

    /** Two events through the processor's interceptor in one unit of work: how each was to be written. */
    private static List<Boolean> batch(MessageHandlerInterceptor<EventMessage<?>> processor, boolean commits)
            throws Exception {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("first"));
        Boolean[] decided = new Boolean[2];
        for (int event = 0; event < 2; event++) {
            int index = event;
            new DefaultInterceptorChain<>(batch, List.of(processor), message -> {
                decided[index] = WritesPerBatch.eventByEvent();
                return null;
            }).proceed();
        }
        if (commits) {
            batch.commit();
        } else {
            batch.rollback(new IllegalStateException("a row the database refused"));
        }
        return List.of(decided);
    }
}
