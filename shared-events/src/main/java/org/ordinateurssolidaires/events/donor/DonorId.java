package org.ordinateurssolidaires.events.donor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a donor: a company, public body, association or person who gives computers. */
public record DonorId(@JsonValue UUID value) {

    @JsonCreator
    public DonorId {
        java.util.Objects.requireNonNull(value, "DonorId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
