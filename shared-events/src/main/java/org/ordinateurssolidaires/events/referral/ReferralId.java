package org.ordinateurssolidaires.events.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a partner's referral of a household; device events name the referral, never the people. */
public record ReferralId(@JsonValue UUID value) {

    @JsonCreator
    public ReferralId {
        java.util.Objects.requireNonNull(value, "ReferralId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
