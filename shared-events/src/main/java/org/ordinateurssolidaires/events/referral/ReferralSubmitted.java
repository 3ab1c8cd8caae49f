package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.device.DeviceCategory;

import java.time.Instant;

/**
 * A partner referred a household. Everything outside the referral itself names the household only by its
 * pseudonymous {@code householdCode}; its people's personal data, accessibility needs included, is here only
 * encrypted. Revision 1 also carried the accessibility needs in clear; its upcaster leaves them out.
 */
@Revision("2")
public record ReferralSubmitted(ReferralId referralId,
                                PartnerId partnerId,
                                String householdCode,
                                EligibilityCriterion criterion,
                                int householdSize,
                                int children,
                                DeviceCategory need,
                                EncryptedPersonalData personalData,
                                Instant submittedAt) implements ReferralEvent {
}
