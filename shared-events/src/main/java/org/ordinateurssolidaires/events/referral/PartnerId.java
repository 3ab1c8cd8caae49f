package org.ordinateurssolidaires.events.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a partner organisation that refers households (social services, job centres, associations...). */
public record PartnerId(@JsonValue UUID value) {

    @JsonCreator
    public PartnerId {
        java.util.Objects.requireNonNull(value, "PartnerId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
