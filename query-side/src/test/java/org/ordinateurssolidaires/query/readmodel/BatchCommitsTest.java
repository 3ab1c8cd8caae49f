package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Which transactions commit without waiting for the flush: a processor's batch on PostgreSQL, once for all its
 * events; not a parked event's retry, which runs the processor's interceptors in a unit of work of its own, and
 * nothing on the embedded database. {@code EventProcessorsIT} shows the setting in force on PostgreSQL.
 */
class BatchCommitsTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final BatchCommits commits = new BatchCommits(jdbc);

    @Test
    void aProcessorsBatchOnPostgresqlSaysSoOnceForAllItsEvents() throws Exception {
        onPostgresql(true);

        inABatch(event("first"), event("second"), event("third"));

        verify(jdbc, times(1)).execute("set local synchronous_commit = off");
    }

    @Test
    void aParkedEventsRetryKeepsTheDefault() throws Exception {
        onPostgresql(true);

        UnitOfWork<EventMessage<?>> retry = new DefaultUnitOfWork<>(event("parked"));
        retry.executeWithResult(() -> through(retry));

        verify(jdbc, never()).execute(anyString());
    }

    @Test
    void theEmbeddedDatabaseIsLeftAsItIs() throws Exception {
        onPostgresql(false);

        inABatch(event("first"), event("second"));

        verify(jdbc, never()).execute(anyString());
    }

    @SuppressWarnings("unchecked")
    private void onPostgresql(boolean postgresql) {
        when(jdbc.execute(any(ConnectionCallback.class))).thenReturn(postgresql);
    }

    private void inABatch(EventMessage<?>... events) throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        batch.executeWithResult(() -> through(batch));
    }

    private Object through(UnitOfWork<EventMessage<?>> unitOfWork) throws Exception {
        return new DefaultInterceptorChain<>(unitOfWork,
                List.<MessageHandlerInterceptor<? super EventMessage<?>>>of(commits::handle), event -> null).proceed();
    }

    private static EventMessage<?> event(String payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
