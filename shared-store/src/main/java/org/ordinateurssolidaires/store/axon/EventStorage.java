package org.ordinateurssolidaires.store.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The event store both apps use: Axon's JDBC storage engine, made as Axon's auto-configuration makes it, except for
 * how it reads one aggregate's events (a device's, to handle a command on it or to show its provenance).
 * <p>
 * Axon reads them {@value #EVENTS_PER_READ} sequence numbers at a time ({@code sequenceNumber >= n and < n + 100})
 * and, since a read of fewer events than that does not prove there are no more beyond it, reads once more until one
 * comes back empty: two statements for a device of ten events, where one would do. Here each read asks for the next
 * {@value #EVENTS_PER_READ} events by their order, whatever their numbers ({@code limit}), so a shorter answer is
 * the last. A command on a device already received was seven statements, now six (docs/benchmarks.md, "Statements per command").
 * Also the connections Axon's JDBC components take ({@link #connections}). Ordered before Axon's own
 * auto-configuration, whose storage engine and connection provider then back off.
 */
@AutoConfiguration(after = AxonAfterSpringBootInfrastructure.class,
        beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
public class EventStorage {

    static final int EVENTS_PER_READ = 100;

    @Bean
    @ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return jdbcEngine(connectionProvider, transactionManager)
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return connections(dataSource);
    }

    /**
     * The connections Axon's JDBC components take (event store, token store, dead letters): the Spring transaction's
     * own, which every call inside it is given. Not Axon's default, which also keeps the first one for its unit of
     * work and closes it again as the unit of work is cleaned up, after the transaction has handed it back to the
     * pool: HikariCP then empties the list of open statements of whoever has that pooled connection by then. Under
     * load a command was answered 500 (the list changed by two threads at once, PooledConnectionClosedOnceIT).
     */
    public static ConnectionProvider connections(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** The engine as both apps have it, on these connections: what reads an aggregate's events, for tests too. */
    public static JdbcEventStorageEngine.Builder jdbcEngine(ConnectionProvider connections,
                                                           TransactionManager transactions) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .batchSize(EVENTS_PER_READ)
                .readEventDataForAggregate(EventStorage::nextEventsOf)
                .finalAggregateBatchPredicate(events -> events.size() < EVENTS_PER_READ);
    }

    private static PreparedStatement nextEventsOf(Connection connection, EventSchema schema, String aggregate,
                                                  long firstSequenceNumber, int count) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "select " + schema.trackedEventFields() + " from " + schema.domainEventTable()
                + " where " + schema.aggregateIdentifierColumn() + " = ? and " + schema.sequenceNumberColumn() + " >= ?"
                + " order by " + schema.sequenceNumberColumn() + " limit ?");
        statement.setString(1, aggregate);
        statement.setLong(2, firstSequenceNumber);
        statement.setInt(3, count);
        return statement;
    }
}
