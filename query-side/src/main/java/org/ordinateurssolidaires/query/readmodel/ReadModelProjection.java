package org.ordinateurssolidaires.query.readmodel;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.hibernate.Session;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What every read model's projection shares: its handlers change rows in the session (a row found by its key stays
 * in it, a new one is {@linkplain #insert inserted} into it) and leave the writing to this class, which writes them as
 * {@link WritesPerBatch} decides: at the batch's commit, or as each event's handlers return.
 */
public abstract class ReadModelProjection {

    @PersistenceContext
    private EntityManager session;
    private Class<?> rowsReadWithTheBatch;

    /**
     * A new row. Not a repository's {@code save}: the keys are the events' own, so it would take the row for an
     * existing one and look it up first, a round trip per insert.
     */
    protected void insert(Object row) {
        session.persist(row);
    }

    /**
     * This read model keeps rows of {@code type} keyed by the identifier of the aggregate whose events change them (a
     * device's row by the device's): a batch reads those of all its events' aggregates in one statement as it starts,
     * where each event would read its own (docs/benchmarks.md). Rows not there yet are simply not found.
     */
    protected final void readWithTheBatch(Class<?> type) {
        rowsReadWithTheBatch = type;
    }

    /**
     * Event by event, the rows are written within the handler's call, where the dead-letter queue sees a refusal
     * as this event's failure; the session is then emptied, so that each write looks at one event's rows only.
     */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    public Object writtenAsDecided(InterceptorChain chain) throws Exception {
        if (rowsReadWithTheBatch != null && !WritesPerBatch.eventByEvent()) {
            readTheBatchsRowsOnce();
        }
        Object result = chain.proceed();
        if (WritesPerBatch.eventByEvent()) {
            session.flush();
            session.clear();
        }
        return result;
    }

    private void readTheBatchsRowsOnce() {
        if (!(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return;
        }
        batch.getOrComputeResource(getClass().getName() + ".rowsRead", key -> {
            List<UUID> aggregates = batch.getMessages().stream()
                    .filter(DomainEventMessage.class::isInstance)
                    .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier())
                    .distinct()
                    .flatMap(ReadModelProjection::uuid)
                    .toList();
            session.unwrap(Session.class).findMultiple(rowsReadWithTheBatch, aggregates);
            return Boolean.TRUE;
        });
    }

    private static Stream<UUID> uuid(String identifier) {
        try {
            return Stream.of(UUID.fromString(identifier));
        } catch (IllegalArgumentException notOne) {
            return Stream.empty();
        }
    }
}
