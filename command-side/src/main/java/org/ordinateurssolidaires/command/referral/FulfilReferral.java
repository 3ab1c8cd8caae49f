package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;
import java.util.List;

/** Record that the household received its devices (sent with their hand-overs, in the same transaction). */
public record FulfilReferral(@TargetAggregateIdentifier ReferralId referralId, List<DeviceId> devices,
                             Instant fulfilledAt) {
}
