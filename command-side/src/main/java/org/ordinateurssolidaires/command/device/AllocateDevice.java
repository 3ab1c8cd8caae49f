package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/**
 * Set a ready device aside for the household of a referral.
 *
 * @param outOfTurnReason why staff chose this household rather than the one next in line; null when it is next
 */
public record AllocateDevice(@TargetAggregateIdentifier DeviceId deviceId,
                             ReferralId referralId,
                             String outOfTurnReason,
                             Instant allocatedAt) {
}
