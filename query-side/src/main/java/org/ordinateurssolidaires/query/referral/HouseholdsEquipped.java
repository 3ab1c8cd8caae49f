package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.referral.EligibilityCriterion;

import java.util.Collection;
import java.util.UUID;

/**
 * How many of the given referrals' households there are per eligibility criterion: counts for donors, who may
 * know how many families their gift helped, never which.
 */
public record HouseholdsEquipped(EligibilityCriterion criterion, long households) {

    /** Referrals unknown to the programme (devices allocated before referrals were recorded) are not counted. */
    public record CountByCriterion(Collection<UUID> referralIds) {
    }
}
