package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.UUID;

/**
 * A partner's pages: the households it referred and where each stands, and the form to refer one more (sent to the
 * command side, which seals the household's personal data as the API does). Only the signed-in partner's own.
 */
@Controller
class PartnerPages {

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;

    PartnerPages(ReferralRecordRepository referrals, PartnerRecordRepository partners) {
        this.referrals = referrals;
        this.partners = partners;
    }

    @GetMapping("/partenaire")
    @PreAuthorize(Access.PARTNER)
    String referrals(Model model) {
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
