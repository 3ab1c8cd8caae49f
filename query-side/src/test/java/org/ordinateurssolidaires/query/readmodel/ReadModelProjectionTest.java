package org.ordinateurssolidaires.query.readmodel;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A read model that keeps a row per aggregate reads the rows of a batch's aggregates in one statement as the batch
 * starts, once per batch; not when its events are written one by one, as the session is then emptied after each.
 */
class ReadModelProjectionTest {

    private static final UUID LAPTOP = UUID.fromString("0b0e8f43-4b8e-4d52-a5a4-6c1d0b2f5e01");
    private static final UUID TABLET = UUID.fromString("0b0e8f43-4b8e-4d52-a5a4-6c1d0b2f5e02");

    private final EntityManager session = mock(EntityManager.class);
    private final Session hibernate = mock(Session.class);
    private final DevicesKept projection = new DevicesKept();

    ReadModelProjectionTest() {
        when(session.unwrap(Session.class)).thenReturn(hibernate);
        ReflectionTestUtils.setField(projection, "session", session);
    }

    @Test
    void aBatchReadsTheRowsOfAllItsAggregatesOnceAsItStarts() throws Exception {
        handle(false, event(LAPTOP, 0), event(TABLET, 0), event(LAPTOP, 1),
                GenericEventMessage.asEventMessage("not an aggregate's"));

        verify(hibernate).findMultiple(DeviceRow.class, List.of(LAPTOP, TABLET));
    }

    @Test
    void eventByEventNothingIsReadAhead() throws Exception {
        handle(true, event(LAPTOP, 0), event(TABLET, 0));

        verify(hibernate, never()).findMultiple(any(Class.class), anyList());
        verify(session, times(2)).clear();
    }

    /** The events through the processor's interceptors in one batch, written once per batch or event by event. */
    private void handle(boolean eventByEvent, EventMessage<?>... events) throws Exception {
        WritesPerBatch writes = new WritesPerBatch();
        if (eventByEvent) {
            rollBackOneBatch(writes);
        }
        MessageHandlerInterceptor<EventMessage<?>> processor = writes.decidedOncePerBatch("devices");
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        batch.executeWithResult(() -> new DefaultInterceptorChain<>(batch,
                List.<MessageHandlerInterceptor<? super EventMessage<?>>>of(processor,
                        (unitOfWork, chain) -> projection.writtenAsDecided(chain)),
                event -> null).proceed());
    }

    private static void rollBackOneBatch(WritesPerBatch writes) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> failing = new BatchingUnitOfWork<>(
                List.of(GenericEventMessage.asEventMessage("refused")));
        failing.executeWithResult(() -> new DefaultInterceptorChain<>(failing,
                List.<MessageHandlerInterceptor<? super EventMessage<?>>>of(writes.decidedOncePerBatch("devices")),
                event -> {
                    throw new IllegalStateException("a row the database refused");
                }).proceed());
    }

    private static EventMessage<?> event(UUID device, long sequence) {
        return new GenericDomainEventMessage<>("Device", device.toString(), sequence, "an event of " + device);
    }

    static class DeviceRow {
    }

    static class DevicesKept extends ReadModelProjection {
        DevicesKept() {
            readWithTheBatch(DeviceRow.class);
        }
    }
}
