package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

/**
 * The household of this referral was already equipped by the programme, and staff recorded why it may be
 * equipped again. Recorded right after its {@link ReferralSubmitted}; the justification names no one.
 */
@Revision("1")
public record SecondReferralJustified(ReferralId referralId, String justification) implements ReferralEvent {
}
