package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/** A medium, already sanitised or destroyed, was taken out of the device during refurbishment. */
@Revision("1")
public record StorageMediumRemoved(DeviceId deviceId, UUID mediumId, String reason, Instant removedAt) implements DeviceEvent {
}
