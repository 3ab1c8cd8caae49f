package org.ordinateurssolidaires.query.readmodel;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;

import java.util.Optional;

/**
 * What every read model's projection shares: its handlers change rows in the session (a row found by its key stays
 * in it, a new one is {@linkplain #insert inserted} into it) and leave the writing to this class, which writes them as
 * {@link WritesPerBatch} decides: at the batch's commit, or as each event's handlers return.
 */
public abstract class ReadModelProjection {

    @PersistenceContext
    private EntityManager session;

    /**
     * A new row. Not a repository's {@code save}: the keys are the events' own, so it would take the row for an
     * existing one and look it up first, a round trip per insert.
     */
    protected void insert(Object row) {
        session.persist(row);
    }

    /**
     * The row of {@code type} with this key: from the session when the batch holds it already (read ahead, or
     * changed by an earlier event), else from the database. Not through the repository, whose proxy and transaction
     * interceptor took more of a rebuild than the lookup itself (docs/benchmarks.md, "Rows looked up in the session").
     */
    protected <T> Optional<T> row(Class<T> type, Object key) {
        return Optional.ofNullable(session.find(type, key));
    }

    /**
     * Event by event, the rows are written within the handler's call, where the dead-letter queue sees a refusal
     * as this event's failure; the session is then emptied, so that each write looks at one event's rows only.
     */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    public Object writtenAsDecided(InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (WritesPerBatch.eventByEvent()) {
            session.flush();
            session.clear();
        }
        return result;
    }
}
