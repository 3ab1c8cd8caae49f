package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/** Accept the referral, so that the household joins the waiting list. */
public record AcceptReferral(@TargetAggregateIdentifier ReferralId referralId, Instant acceptedAt) {
}
