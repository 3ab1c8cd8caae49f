package org.ordinateurssolidaires.query.readmodel;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every read model's projection shares: its handlers change rows in the session (a row found by its key stays
 * in it, a new one is {@linkplain #insert inserted} into it) and leave the writing to this class, which writes them as
 * {@link WritesPerBatch} decides: at the batch's commit, or as each event's handlers return.
 */
public abstract class ReadModelProjection {

    private static final String ROWS_TO_INSERT = ReadModelProjection.class.getName() + ".rowsToInsert";

    @PersistenceContext
    private EntityManager session;

    /**
     * A new row. Not a repository's {@code save}: the keys are the events' own, so it would take the row for an
     * existing one and look it up first, a round trip per insert. In a batch of new rows only (a rebuild aggregate by
     * aggregate) it is handed to the session as the batch commits, with every later event's changes: Hibernate
     * inserts a row as it was when handed over, and then updates it with the changes made since, which was a fifth
     * of such a rebuild's time (docs/benchmarks.md).
     */
    protected void insert(Object row) {
        Object key = WritesPerBatch.newRowsOnly() ? identifier(row) : null;
        if (key != null) {
            rowsToInsert().put(new RowKey(row.getClass(), key), row);
        } else { // as always, also a row whose key the database gives
            session.persist(row);
        }
    }

    /**
     * The row of {@code type} with this key: from the session when the batch holds it already (read ahead, or
     * changed by an earlier event), else from the database. Not through the repository, whose proxy and transaction
     * interceptor took more of a rebuild than the lookup itself (docs/benchmarks.md, "Rows looked up in the session").
     */
    protected <T> Optional<T> row(Class<T> type, Object key) {
        if (WritesPerBatch.newRowsOnly()) {
            Object inserted = rowsToInsert().get(new RowKey(type, key));
            if (inserted != null) {
                return Optional.of(type.cast(inserted));
            }
        }
        return Optional.ofNullable(session.find(type, key));
    }

    private Object identifier(Object row) {
        return session.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(row);
    }

    /** The batch's new rows, shared by the projections of its read model: handed to the session as it commits. */
    private Map<RowKey, Object> rowsToInsert() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(ROWS_TO_INSERT, name -> {
            Map<RowKey, Object> rows = new LinkedHashMap<>();
            batch.onPrepareCommit(committing -> rows.values().forEach(session::persist));
            return rows;
        });
    }

    private record RowKey(Class<?> type, Object key) {
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
