package org.ordinateurssolidaires.query.config;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event table exactly as stored: the bytes an auditor checks, before any deserialisation. Also read
 * this way, by one statement, where a rebuild reads the store (readmodel/StoreReading).
 *
 * @param globalIndex the event's position in the store
 * @param type        the aggregate's type, as Axon stores it beside the event
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                          String timeStamp) {

    /** The columns {@link #read} expects, in its order. */
    public static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "payloadType, payloadRevision, payload, metaData, timeStamp";

    public static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getBytes(8), row.getBytes(9), row.getString(10));
    }

    /**
     * The row as Axon's event store hands it to the upcasters and the serializer: an event published outside any
     * aggregate is stored with its own identifier as its aggregate's, and has none.
     */
    public DomainEventData<byte[]> asEventData() {
        String aggregate = eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier;
        return new GenericDomainEventEntry<>(type, aggregate, sequenceNumber, eventIdentifier, timeStamp, payloadType,
                payloadRevision, payload, metaData);
    }

    /**
     * Has PostgreSQL send {@code bytea} as bytes rather than hex text. Its driver asks for results in binary only from
     * statements prepared on the server, which one run once is not unless told so (-1: prepared at once, in binary).
     * Half the bytes to send, and no hex to decode (docs/benchmarks.md, "Erasure audit"). Other databases as they are.
     * (A connection pooler in front of PostgreSQL must then pass prepared statements on, as PgBouncer does since 1.21.)
     * Also the audit benchmark's raw baseline, so that it reads as the audit does.
     */
    public static void inBinary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }
}
