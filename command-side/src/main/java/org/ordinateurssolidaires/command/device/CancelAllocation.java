package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;

import java.time.Instant;

/** Undo an allocation; the device becomes ready again. */
public record CancelAllocation(@TargetAggregateIdentifier DeviceId deviceId,
                               String reason,
                               Instant cancelledAt) {
}
