package org.ordinateurssolidaires.events.donor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one donation agreement a donor signed (a donor may sign several over the years). */
public record AgreementId(@JsonValue UUID value) {

    @JsonCreator
    public AgreementId {
        java.util.Objects.requireNonNull(value, "AgreementId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
