package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/** The partner withdraws its referral. */
public record WithdrawReferral(@TargetAggregateIdentifier ReferralId referralId, String reason, Instant withdrawnAt) {
}
