package org.ordinateurssolidaires.query;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;

import java.sql.DriverManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays the command side in query-side tests: creates the event store with the command side's own migrations,
 * then appends device events to it the way the command side does.
 */
public final class EventStoreFixture {

    private final JdbcEventStorageEngine storage;
    private final Map<String, Long> nextSequence = new HashMap<>();

    private EventStoreFixture(String url) {
        ConnectionProvider connections = () -> DriverManager.getConnection(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
        storage = JdbcEventStorageEngine.builder()
                                        .connectionProvider(connections)
                                        .transactionManager(NoTransactionManager.INSTANCE)
                                        .eventSerializer(EventSerialization.serializer())
                                        .snapshotSerializer(EventSerialization.serializer())
                                        .build();
    }

    /** An empty database with the command side's event store in it, as after the command side's first start. */
    public static EventStoreFixture onEmptyDatabase(String name) {
        String url = PostgresTestDatabase.emptyDatabase(name);
        Flyway.configure()
              .dataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)
              .locations("classpath:db/command-side")
              .table("flyway_command_side_history")
              .load()
              .migrate();
        return new EventStoreFixture(url);
    }

    /** Appends the events in one transaction, each after the last one stored for its device. */
    public void append(DeviceEvent... events) {
        append(Arrays.asList(events));
    }

    /** Safe from several threads at once, each appending its own devices' events, as concurrent writers do. */
    public void append(List<? extends DeviceEvent> events) {
        storage.appendEvents(numbered(events));
    }

    private synchronized List<EventMessage<?>> numbered(List<? extends DeviceEvent> events) {
        return events.stream().<EventMessage<?>>map(event -> {
            String device = event.deviceId().toString();
            long sequence = nextSequence.merge(device, 1L, Long::sum) - 1;
            return new GenericDomainEventMessage<>("Device", device, sequence, event,
                    MetaData.with(EventMetadata.USER_ID, "test-staff").and(EventMetadata.USER_ROLE, "staff"));
        }).toList();
    }
}
