package org.ordinateurssolidaires.query.provenance;

import java.time.Instant;

/**
 * One event of a device's stream, for people and for auditors.
 *
 * @param sequence    position in the device's own stream, from 0
 * @param occurredAt  when it happened, as declared by staff
 * @param recordedAt  when the event store recorded it
 * @param recordedBy  the user who sent the command
 * @param details     the event itself, field by field
 */
public record ProvenanceEntry(long sequence,
                             String event,
                             String description,
                             Instant occurredAt,
                             Instant recordedAt,
                             String recordedBy,
                             String role,
                             String correlationId,
                             String causationId,
                             Object details) {

    /** The same entry, said to have happened at {@code moment}. */
    ProvenanceEntry occurredAt(Instant moment) {
        return new ProvenanceEntry(sequence, event, description, moment, recordedAt, recordedBy, role, correlationId,
                causationId, details);
    }

    /**
     * The entry as a donor sees it: what happened and when, in plain words; not the event's fields (which name the
     * referral), who recorded it, nor the ids a client may have chosen.
     */
    public ProvenanceEntry forDonor() {
        return new ProvenanceEntry(sequence, event, description, occurredAt, recordedAt, null, null, null, null, null);
    }
}
