package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A medium was fitted during refurbishment; like any other, it must be sanitised before the device leaves. */
@Revision("1")
public record StorageMediumAdded(DeviceId deviceId, StorageMedium medium, String reason, Instant addedAt) implements DeviceEvent {
}
