package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;

import java.time.Instant;

/** Record that a household gave a device back. */
public record ReturnDevice(@TargetAggregateIdentifier DeviceId deviceId,
                           String reason,
                           Instant returnedAt) {
}
