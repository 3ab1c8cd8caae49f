package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;

import java.time.Instant;

/** Record that the household received its allocated device. */
public record HandOverDevice(@TargetAggregateIdentifier DeviceId deviceId,
                             boolean freeOfChargeAcknowledged,
                             CeremonyId ceremonyId,
                             Instant handedOverAt) {
}
