package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;

import java.time.Instant;

/** Record a medium fitted during refurbishment. */
public record AddStorageMedium(@TargetAggregateIdentifier DeviceId deviceId,
                               StorageMedium medium,
                               String reason,
                               Instant addedAt) {
}
