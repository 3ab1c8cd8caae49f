package org.ordinateurssolidaires.events.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** The label staff stick on a device at reception and read on every screen; unique across all devices. */
public record AssetTag(@JsonValue String value) {

    @JsonCreator
    public AssetTag {
        Objects.requireNonNull(value, "asset tag");
    }

    @Override
    public String toString() {
        return value;
    }
}
