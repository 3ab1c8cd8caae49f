package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A medium was physically destroyed (NIST SP 800-88 destroy); it can never be read again. */
@Revision("1")
public record StorageMediumDestroyed(DeviceId deviceId,
                                     StorageMedium medium,
                                     DestructionMethod method,
                                     String operator,
                                     String location,
                                     String certificateReference,
                                     Instant destroyedAt) implements DeviceEvent {
}
