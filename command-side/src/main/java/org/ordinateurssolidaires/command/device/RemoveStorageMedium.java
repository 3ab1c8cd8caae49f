package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;

import java.time.Instant;
import java.util.UUID;

/** Record that a medium was taken out during refurbishment. */
public record RemoveStorageMedium(@TargetAggregateIdentifier DeviceId deviceId,
                                  UUID mediumId,
                                  String reason,
                                  Instant removedAt) {
}
