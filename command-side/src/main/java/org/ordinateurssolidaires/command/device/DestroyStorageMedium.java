package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DestructionMethod;

import java.time.Instant;
import java.util.UUID;

/** Record the physical destruction of one medium. */
public record DestroyStorageMedium(@TargetAggregateIdentifier DeviceId deviceId,
                                   UUID mediumId,
                                   DestructionMethod method,
                                   String operator,
                                   String location,
                                   String certificateReference,
                                   Instant destroyedAt) {
}
