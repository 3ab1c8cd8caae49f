package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;

import java.time.Instant;

/** Record the refurbishment work done on a device. */
public record RefurbishDevice(@TargetAggregateIdentifier DeviceId deviceId,
                              String workDone,
                              String operatingSystem,
                              String technician,
                              Instant refurbishedAt) {
}
