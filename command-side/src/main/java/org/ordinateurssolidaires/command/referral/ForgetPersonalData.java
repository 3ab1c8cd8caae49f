package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.referral.ReferralId;

/** Erase the household's personal data for good ("forget this person"). */
public record ForgetPersonalData(@TargetAggregateIdentifier ReferralId referralId) {
}
