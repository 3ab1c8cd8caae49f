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
 * @param byStaff                      whether staff refer it: they are told at once that the programme already
 *                                     equipped the household; a partner is not, for its answer would tell whether a
 *                                     phone or an e-mail is of a household the programme helped (its referral is
 *                                     recorded, and staff's acceptance refused until justified)
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
                             Instant submittedAt,
                             boolean byStaff) {

    @Override
    public String toString() {
        return "SubmitReferral[" + referralId + ", personal data withheld]"; // never in a log
    }
}
