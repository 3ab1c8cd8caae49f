package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

/** A sanitisation was attempted but did not complete or its verification failed: the medium still counts as holding data. */
@Revision("1")
public record StorageMediumSanitisationFailed(DeviceId deviceId, SanitisationRecord attempt, String failureReason) implements DeviceEvent {
}
