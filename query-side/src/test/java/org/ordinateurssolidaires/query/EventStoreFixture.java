package org.ordinateurssolidaires.query;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.Flyway;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.ceremony.CeremonyEvent;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.donor.DonationBatchEvent;
import org.ordinateurssolidaires.events.donor.DonorEvent;
import org.ordinateurssolidaires.events.referral.PartnerEvent;
import org.ordinateurssolidaires.events.referral.ReferralEvent;
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

    /** Appends the events in one transaction, each after the last one stored for its aggregate. */
    public void append(Object... events) {
        append(Arrays.asList(events));
    }

    /** Safe from several threads at once, each appending its own aggregates' events, as concurrent writers do. */
    public void append(List<?> events) {
        storage.appendEvents(numbered(events));
    }

    private synchronized List<EventMessage<?>> numbered(List<?> events) {
        return events.stream().<EventMessage<?>>map(event -> {
            Aggregate aggregate = aggregateOf(event);
            long sequence = nextSequence.merge(aggregate.id(), 1L, Long::sum) - 1;
            return new GenericDomainEventMessage<>(aggregate.type(), aggregate.id(), sequence, event,
                    MetaData.with(EventMetadata.USER_ID, "test-staff").and(EventMetadata.USER_ROLE, "staff"));
        }).toList();
    }

    private record Aggregate(String type, String id) {
    }

    private static Aggregate aggregateOf(Object event) {
        if (event instanceof DeviceEvent device) {
            return new Aggregate("Device", device.deviceId().toString());
        }
        if (event instanceof DonorEvent donor) {
            return new Aggregate("Donor", donor.donorId().toString());
        }
        if (event instanceof DonationBatchEvent batch) {
            return new Aggregate("DonationBatch", batch.batchId().toString());
        }
        if (event instanceof ReferralEvent referral) {
            return new Aggregate("Referral", referral.referralId().toString());
        }
        if (event instanceof PartnerEvent partner) {
            return new Aggregate("Partner", partner.partnerId().toString());
        }
        if (event instanceof CeremonyEvent ceremony) {
            return new Aggregate("Ceremony", ceremony.ceremonyId().toString());
        }
        throw new IllegalArgumentException("not an event of the programme: " + event);
    }
}
