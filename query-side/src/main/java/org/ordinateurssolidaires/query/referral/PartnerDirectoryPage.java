package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.UUID;

/**
 * Staff's page of the partner organisations: each with whom to call there, and the forms to register one, record or
 * remove a contact person, or deactivate it; and the referral form staff fill for one of them (a referral made on
 * paper, or a household the programme already equipped, which only staff refer again, with why). The forms go to
 * the command side ({@code /actions/partenaires}).
 */
@PageController
class PartnerDirectoryPage {

    private final PartnerRecordRepository partners;
    private final StepsAlreadyRecorded recorded;

    PartnerDirectoryPage(PartnerRecordRepository partners, StepsAlreadyRecorded recorded) {
        this.partners = partners;
        this.recorded = recorded;
    }

    @GetMapping("/partenaires")
    @PreAuthorize(Access.STAFF)
    String partners(Model model) throws InterruptedException {
        recorded.awaitAfterAForm(model, ReferralProjection.PROCESSING_GROUP);
        model.addAttribute("partners", partners.findAllByOrderByName())
             .addAttribute("kinds", PartnerKind.values());
        return "referral/partners";
    }

    @GetMapping("/partenaires/{partnerId}/orienter")
    @PreAuthorize(Access.STAFF)
    String referralForm(@PathVariable UUID partnerId, Model model) {
        PartnerRecord partner = partners.findById(partnerId).filter(PartnerRecord::isActive).orElseThrow(
                () -> new NotInTheReadModels("no active partner " + partnerId));
        model.addAttribute("criteria", EligibilityCriterion.values())
             .addAttribute("needs", DeviceCategory.values())
             .addAttribute("partner", partner);
        return "referral/refer";
    }
}
