package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Staff accepted the referral: the household joins the waiting list. */
@Revision("1")
public record ReferralAccepted(ReferralId referralId, Instant acceptedAt) implements ReferralEvent {
}
