package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.UUID;

/**
 * A partner's pages: the households it referred and where each stands, and the form to refer one more (sent to the
 * command side, which seals the household's personal data as the API does). Only the signed-in partner's own.
 */
@PageController
class PartnerPages {

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;
    private final StepsAlreadyRecorded recorded;

    PartnerPages(ReferralRecordRepository referrals, PartnerRecordRepository partners,
                 StepsAlreadyRecorded recorded) {
        this.referrals = referrals;
        this.partners = partners;
        this.recorded = recorded;
    }

    @GetMapping("/partenaire")
    @PreAuthorize(Access.PARTNER)
    String referrals(Model model) throws InterruptedException {
        recorded.awaitAfterAForm(model, ReferralProjection.PROCESSING_GROUP);
        UUID partner = Caller.current().partnerId();
        model.addAttribute("partnerName", partners.findById(partner).map(PartnerRecord::getName).orElse(""))
             .addAttribute("referrals", referrals.findByPartnerIdOrderBySubmittedAtDesc(partner));
        return "referral/partner";
    }

    @GetMapping("/partenaire/orienter")
    @PreAuthorize(Access.PARTNER)
    String referralForm(Model model) {
        model.addAttribute("criteria", EligibilityCriterion.values())
             .addAttribute("needs", DeviceCategory.values());
        return "referral/refer";
    }
}
