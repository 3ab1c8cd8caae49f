package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Staff rejected the referral, with the reason given to the partner. */
@Revision("1")
public record ReferralRejected(ReferralId referralId, String reason, Instant rejectedAt) implements ReferralEvent {
}
