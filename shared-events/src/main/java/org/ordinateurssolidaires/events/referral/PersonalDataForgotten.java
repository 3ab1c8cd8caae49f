package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

/**
 * The household's personal data was erased: its key is gone, so the ciphertext in {@link ReferralSubmitted}
 * can never be read again. Carries no personal data itself.
 */
@Revision("1")
public record PersonalDataForgotten(ReferralId referralId, String keyId) implements ReferralEvent {
}
