package org.ordinateurssolidaires.query.audit;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.query.EventStoreFixture;
import org.ordinateurssolidaires.query.inventory.QuerySideSchema;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * An event store of its own on the real PostgreSQL, with the query side's history chain tables and recorder, but
 * no application around them: what an auditor's replay sees, and a handle to alter it as an intruder would.
 */
final class AuditedStore {

    final EventStoreFixture events;
    final JdbcTemplate jdbc;
    private final String url;
    private final String auditor;
    private final DriverManagerDataSource dataSource;
    private final Clock clock;
    private HistoryChainRecorder recorder;

    AuditedStore(String database) {
        this(database, Clock.systemUTC());
    }

    /** @param clock the recorder's, to let a hole in the global index settle without waiting */
    AuditedStore(String database, Clock clock) {
        events = EventStoreFixture.onEmptyDatabase(database);
        url = PostgresTestDatabase.emptyDatabase(database);
        QuerySideSchema.migrate(url);
        dataSource = new DriverManagerDataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        auditor = database + "_auditor";
        readOnlyRole(auditor);
        this.clock = clock;
        restartRecorder();
    }

    /** A recorder as a restarted query side has: nothing in memory of the one before. */
    void restartRecorder() {
        recorder = new HistoryChainRecorder(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                Duration.ofSeconds(60), clock);
    }

    /** A position of the global index taken and never stored, as a transaction that rolled back leaves one. */
    void leaveAHole() {
        jdbc.queryForObject("select nextval('domainevententry_globalindex_seq')", Long.class);
    }

    String url() {
        return url;
    }

    /** A login that may only read the event table and the chain, as an auditor is given. */
    String auditor() {
        return auditor;
    }

    private void readOnlyRole(String role) {
        jdbc.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role + "') then"
                + " create role " + role + " login; end if; end $$");
        jdbc.execute("grant select on domainEventEntry, history_chain_link, history_chain_head to " + role);
    }

    /** Links every event stored so far, as the query side does moments after they are stored. */
    void linkNewEvents() {
        recorder.linkNewEvents();
    }

    AuditReport audit() {
        return audit(null);
    }

    AuditReport audit(HistoryAudit.PublishedLink published) {
        return audit(published, EventSerialization.upcasters());
    }

    /** @param upcasters in place of the apps' own, to read a revision no release stored */
    AuditReport audit(HistoryAudit.PublishedLink published, EventUpcaster upcasters) {
        try (Connection connection = dataSource.getConnection()) {
            return new HistoryAudit(ErasurePolicy.nistDefaults(), upcasters, Clock.systemUTC()).run(connection,
                    published);
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** The position of an aggregate's event in the store. */
    long positionOf(Object aggregateId, long sequence) {
        return jdbc.queryForObject("select globalIndex from domainEventEntry where aggregateIdentifier = ?"
                + " and sequenceNumber = ?", Long.class, aggregateId.toString(), sequence);
    }

    Map<String, Object> row(long position) {
        return jdbc.queryForMap("select * from domainEventEntry where globalIndex = ?", position);
    }

    /** Puts a row back exactly as it was, for the next alteration to be found alone. */
    void restore(Map<String, Object> row) {
        jdbc.update("delete from domainEventEntry where globalIndex = ?", row.get("globalindex"));
        jdbc.update("insert into domainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                        + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("globalindex"), row.get("aggregateidentifier"),
                row.get("sequencenumber"), row.get("type"), row.get("eventidentifier"), row.get("metadata"),
                row.get("payload"), row.get("payloadrevision"), row.get("payloadtype"), row.get("timestamp"));
    }
}
