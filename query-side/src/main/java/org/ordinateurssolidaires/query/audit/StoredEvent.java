package org.ordinateurssolidaires.query.audit;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event table exactly as stored: the bytes an auditor checks, before any deserialisation.
 *
 * @param globalIndex the event's position in the store
 * @param type        the aggregate's type, as Axon stores it beside the event
 */
record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                   String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
                   String timeStamp) {

    /** The columns {@link #read} expects, in its order. */
    static final String COLUMNS = "globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
            + "payloadType, payloadRevision, payload, metaData, timeStamp";

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                row.getString(6), row.getString(7), row.getBytes(8), row.getBytes(9), row.getString(10));
    }

    /** The row as Axon's event store hands it to the upcasters and the serializer. */
    DomainEventData<byte[]> asEventData() {
        return new GenericDomainEventEntry<>(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
                payloadType, payloadRevision, payload, metaData);
    }
}
