package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The partner withdrew the referral before it was fulfilled. */
@Revision("1")
public record ReferralWithdrawn(ReferralId referralId, String reason, Instant withdrawnAt) implements ReferralEvent {
}
