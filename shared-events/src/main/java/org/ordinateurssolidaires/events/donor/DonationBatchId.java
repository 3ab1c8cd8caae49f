package org.ordinateurssolidaires.events.donor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifies a donor's delivery of several devices; one per donor and delivery reference. */
public record DonationBatchId(@JsonValue UUID value) {

    @JsonCreator
    public DonationBatchId {
        java.util.Objects.requireNonNull(value, "DonationBatchId");
    }

    /** The same donor and reference always name the same batch, so a delivery cannot be recorded twice. */
    public static DonationBatchId of(DonorId donor, String reference) {
        return new DonationBatchId(UUID.nameUUIDFromBytes(
                ("donation-batch:" + donor + ':' + reference).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
