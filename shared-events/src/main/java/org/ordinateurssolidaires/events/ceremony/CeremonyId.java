package org.ordinateurssolidaires.events.ceremony;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a hand-over ceremony that brings donors and beneficiaries together. */
public record CeremonyId(@JsonValue UUID value) {

    @JsonCreator
    public CeremonyId {
        java.util.Objects.requireNonNull(value, "CeremonyId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
