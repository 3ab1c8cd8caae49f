package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The device could not be given and went to a recycler, whose certificate is referenced. */
@Revision("1")
public record DeviceRecycled(DeviceId deviceId,
                             String recycler,
                             String certificateReference,
                             Instant recycledAt) implements DeviceEvent {
}
