package org.ordinateurssolidaires.command.referral;

import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/**
 * Refer a household. The personal data travels in clear only as far as the handler, which encrypts it.
 *
 * @param householdCode                the pseudonymous code everything else will know the household by
 * @param alreadyEquippedJustification why staff equip this household again, if the programme already did; null
 *                                     otherwise
 */
public record SubmitReferral(ReferralId referralId,
                             PartnerId partnerId,
                             String householdCode,
                             EligibilityCriterion criterion,
                             int householdSize,
                             int children,
                             DeviceCategory need,
                             PersonalData personalData,
                             String alreadyEquippedJustification,
                             Instant submittedAt) {

    @Override
    public String toString() {
        return "SubmitReferral[" + referralId + ", personal data withheld]"; // never in a log
    }
}
