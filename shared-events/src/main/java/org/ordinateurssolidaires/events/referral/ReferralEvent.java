package org.ordinateurssolidaires.events.referral;

/** Every fact about a referral names it first. */
public interface ReferralEvent {

    ReferralId referralId();
}
