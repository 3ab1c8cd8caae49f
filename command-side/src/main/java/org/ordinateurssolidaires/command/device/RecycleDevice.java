package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;

import java.time.Instant;

/** Send a device that cannot be given to a recycler. */
public record RecycleDevice(@TargetAggregateIdentifier DeviceId deviceId,
                            String recycler,
                            String certificateReference,
                            Instant recycledAt) {
}
