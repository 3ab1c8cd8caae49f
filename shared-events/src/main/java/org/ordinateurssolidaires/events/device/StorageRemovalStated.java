package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

/**
 * The donor stated that the device's storage was removed before the gift. Recorded right after its reception, or
 * later for a device received without media, but before its quality check; the device's erasure evidence is then
 * this statement rather than a sanitisation.
 */
@Revision("1")
public record StorageRemovalStated(DeviceId deviceId, StorageRemovalStatement statement) implements DeviceEvent {
}
