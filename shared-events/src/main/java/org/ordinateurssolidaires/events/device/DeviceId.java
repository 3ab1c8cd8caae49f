package org.ordinateurssolidaires.events.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies one donated computer for its whole life; its {@link AssetTag} is the printed label staff read. */
public record DeviceId(@JsonValue UUID value) {

    @JsonCreator
    public DeviceId {
        java.util.Objects.requireNonNull(value, "DeviceId");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
