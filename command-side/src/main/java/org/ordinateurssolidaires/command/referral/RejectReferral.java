package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/** Reject the referral, with the reason the partner will read. */
public record RejectReferral(@TargetAggregateIdentifier ReferralId referralId, String reason, Instant rejectedAt) {
}
