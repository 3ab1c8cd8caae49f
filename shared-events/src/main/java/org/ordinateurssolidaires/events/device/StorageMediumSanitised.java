package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

/** A medium was sanitised and the verification passed: it holds no recoverable data. */
@Revision("1")
public record StorageMediumSanitised(DeviceId deviceId, SanitisationRecord sanitisation) implements DeviceEvent {
}
