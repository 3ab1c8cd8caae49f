package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.query.referral.WaitingList.FetchWaitingList;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Staff's referrals page: the partners' referrals awaiting a decision (accept, or reject with the reason the partner
 * will read; the forms go to the command side), and the waiting list in the programme's order. Households by their
 * codes only: their people's data opens on the referral's own page, where each read is recorded.
 */
@PageController
class ReferralPages {

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;
    private final WaitingList waitingList;
    private final StepsAlreadyRecorded recorded;

    ReferralPages(ReferralRecordRepository referrals, PartnerRecordRepository partners, WaitingList waitingList,
                  StepsAlreadyRecorded recorded) {
        this.referrals = referrals;
        this.partners = partners;
        this.waitingList = waitingList;
        this.recorded = recorded;
    }

    @GetMapping("/orientations")
    @PreAuthorize(Access.STAFF)
    String referrals(Model model) throws InterruptedException {
        recorded.awaitAfterAForm(model, ReferralProjection.PROCESSING_GROUP);
        List<ReferralRecord> toDecide = referrals.findByStatusOrderBySubmittedAt(ReferralRecord.Status.AWAITING_DECISION);
        Map<UUID, String> partnerNames = partners.findAllById(toDecide.stream().map(ReferralRecord::getPartnerId)
                                                                      .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(PartnerRecord::getPartnerId, PartnerRecord::getName));
        model.addAttribute("toDecide", toDecide)
             .addAttribute("partnerNames", partnerNames)
             .addAttribute("waiting", waitingList.handle(new FetchWaitingList(null, null)));
        return "referral/referrals";
    }
}
