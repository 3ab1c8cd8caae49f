package org.ordinateurssolidaires.command;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordinateurssolidaires.store.axon.EventStorage;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An aggregate's events, as the command side reads them to handle a command (and the query side to show a device's
 * provenance): all of them, in order, in as few statements as their number allows ({@link EventStorage}).
 */
class AggregateEventsReadIT extends CommandSideIntegrationTest {

    @Autowired
    EventStorageEngine storage;

    @Autowired
    TransactionManager transactions;

    @Autowired
    Serializer serializer;

    @Autowired
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 99, 100, 101, 250})
    void everyEventIsReadInOrder(int events) {
        String aggregate = appended(events);

        assertThat(storage.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
    }

    /**
     * Read by their order, not by ranges of numbers: no aggregate has gaps in its numbers, but if one had, Axon's own
     * reading would stop at the first (its range past the gap comes back empty), and the app's does not.
     */
    @Test
    void theAppReadsEventsByTheirOrderWhateverTheirNumbers() {
        List<Long> numbers = LongStream.concat(LongStream.range(0, 10), LongStream.range(150, 160)).boxed().toList();
        String aggregate = appended(numbers);

        assertThat(storage.readEvents(aggregate).asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactlyElementsOf(numbers);
    }

    /** Axon's own reading took one statement more in each case: its last read always came back empty. */
    @ParameterizedTest
    @CsvSource({"10, 1", "99, 1", "100, 2", "101, 2", "250, 3"})
    void aReadShorterThanAskedIsTheLast(int events, int statements) {
        String aggregate = appended(events);
        List<String> statementsRun = new ArrayList<>();
        EventStorageEngine counted = EventStorage.jdbcEngine(() -> recording(dataSource.getConnection(), statementsRun),
                        NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .build();

        assertThat(counted.readEvents(aggregate).asStream()).hasSize(events);
        assertThat(statementsRun).filteredOn(sql -> sql.toLowerCase(Locale.ROOT).contains("from domainevententry"))
                .hasSize(statements);
    }

    private String appended(int events) {
        return appended(LongStream.range(0, events).boxed().toList());
    }

    /** Events of an aggregate of a type of their own, which nothing else in the store handles. */
    private String appended(List<Long> numbers) {
        String aggregate = UUID.randomUUID().toString();
        transactions.executeInTransaction(() -> storage.appendEvents(numbers.stream()
                .map(sequence -> new GenericDomainEventMessage<>("AggregateEventsReadIT", aggregate, sequence,
                        "event " + sequence))
                .toList()));
        return aggregate;
    }

    private static Connection recording(Connection connection, List<String> statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.add((String) arguments[0]);
                    }
                    return method.invoke(connection, arguments);
                });
    }
}
