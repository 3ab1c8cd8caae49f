package org.ordinateurssolidaires.command.migration;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Predicate;

/** The events already stored, in their order, read as the apps read them: what a migration fills a lookup from. */
final class StoredHistory {

    /** What a migration does with each event it wants. */
    interface Apply {
        void to(Object event) throws SQLException;
    }

    private StoredHistory() {
    }

    /** Hands each stored event of a type {@code wanted} takes, upcast to its latest revision, to {@code apply}. */
    static void replay(Connection connection, StoredEventReader reader, Predicate<String> wanted, Apply apply)
            throws SQLException {
        // every event, not only those stored under a wanted type: an upcaster may read one type as another
        try (PreparedStatement events = connection.prepareStatement("select type, aggregateIdentifier,"
                + " sequenceNumber, eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData"
                + " from domainEventEntry order by globalIndex")) {
            events.setFetchSize(1_000);
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    var stored = new GenericDomainEventEntry<>(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getBytes(8), rows.getBytes(9));
                    for (Object event : reader.read(stored, wanted)) {
                        apply.to(event);
                    }
                }
            }
        }
    }
}
