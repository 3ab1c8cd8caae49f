package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface ReferralRecordRepository extends JpaRepository<ReferralRecord, UUID> {

    /** The waiting list: by criterion rank, then by referral date (then id, so that ties keep one order). */
    @Query("select r from ReferralRecord r where r.status = 'WAITING'"
            + " and (:partner is null or r.partnerId = :partner) and (:need is null or r.need = :need)"
            + " order by r.criterionRank, r.submittedAt, r.referralId")
    List<ReferralRecord> waitingList(UUID partner, DeviceCategory need);

    /** The households waiting, counted by criterion and by the device they need (the index on status reads them). */
    @Query("select r.criterion as criterion, r.need as need, count(r) as households from ReferralRecord r"
            + " where r.status = 'WAITING' group by r.criterion, r.need")
    List<Waiting> countWaiting();

    interface Waiting {
        EligibilityCriterion getCriterion();

        DeviceCategory getNeed();

        long getHouseholds();
    }

    List<ReferralRecord> findByPartnerIdOrderBySubmittedAt(UUID partnerId);

    /** Staff's queue of referrals to decide: the oldest first. */
    List<ReferralRecord> findByStatusOrderBySubmittedAt(ReferralRecord.Status status);

    /** The latest first, as a partner follows them. */
    List<ReferralRecord> findByPartnerIdOrderBySubmittedAtDesc(UUID partnerId);

    @Query("select new org.ordinateurssolidaires.query.referral.HouseholdsEquipped(r.criterion, count(r))"
            + " from ReferralRecord r where r.referralId in :referralIds group by r.criterion, r.criterionRank order by r.criterionRank")
    List<HouseholdsEquipped> countByCriterion(Collection<UUID> referralIds);
}
