package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ordinateurssolidaires.store.OnPostgres;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model's batch commits without waiting for PostgreSQL to flush it to disk: {@code synchronous_commit} is off
 * for the transaction of a processor's batch, and for nothing else. A crash can then lose the batches of the last
 * fraction of a second, but each whole, its token included, as they are in one transaction: the processor applies
 * those events again from the store, which the command side commits durably. Waiting for the flush held every batch's
 * rows locked the longer, the kept counts' among them, which every segment writes (docs/benchmarks.md). Whatever
 * else the query side writes keeps PostgreSQL's default: accounts, sessions, the history chain, and a parked event's
 * retry, which staff are told succeeded and which removes its letter (Axon runs this interceptor there too, in a
 * unit of work of its own rather than a processor's batch). The embedded database has no such setting: there,
 * nothing changes.
 */
@Configuration
public class BatchCommits {

    private static final String DECIDED = BatchCommits.class.getName() + ".decided";

    private final JdbcTemplate jdbc;
    private final OnPostgres onPostgres;

    BatchCommits(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.onPostgres = new OnPostgres(jdbc);
    }

    @Bean
    ConfigurerModule batchesCommitWithoutWaitingForTheFlush() {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor(
                (configuration, processor) -> this::handle);
    }

    Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> batch = unitOfWork.root();
        if (batch instanceof BatchingUnitOfWork<?> && batch.resources().putIfAbsent(DECIDED, Boolean.TRUE) == null
                && onPostgres.isTrue()) {
            jdbc.execute("set local synchronous_commit = off");
        }
        return chain.proceed();
    }
}
