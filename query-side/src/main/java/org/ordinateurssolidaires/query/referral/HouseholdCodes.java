package org.ordinateurssolidaires.query.referral;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The households' codes of the given referrals, for staff: a device's history names the households it went to. */
public record HouseholdCodes(Map<UUID, String> byReferral) {

    /** Referrals unknown to the read model are left out. */
    public record Fetch(Collection<UUID> referralIds) {
    }
}
