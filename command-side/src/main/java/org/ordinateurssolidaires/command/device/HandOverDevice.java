package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/**
 * Record that the household received its allocated device. The handler answers the referral the device went to.
 *
 * @param referralId the household's referral, checked against the allocation; null to hand it to whichever
 *                   household it is allocated to
 */
public record HandOverDevice(@TargetAggregateIdentifier DeviceId deviceId,
                             ReferralId referralId,
                             boolean freeOfChargeAcknowledged,
                             CeremonyId ceremonyId,
                             Instant handedOverAt) {
}
