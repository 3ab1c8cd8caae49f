package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The refurbished device failed its quality check and goes back to refurbishment. */
@Revision("1")
public record QualityCheckFailed(DeviceId deviceId, String reasons, String inspector, Instant checkedAt) implements DeviceEvent {
}
