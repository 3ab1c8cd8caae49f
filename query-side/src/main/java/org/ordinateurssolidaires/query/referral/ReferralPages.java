package org.ordinateurssolidaires.query.referral;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FindDevicesOfHousehold;
import org.ordinateurssolidaires.query.referral.WaitingList.FetchWaitingList;
import org.ordinateurssolidaires.query.web.PageController;
import org.ordinateurssolidaires.query.web.StepsAlreadyRecorded;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Staff's referrals page: the partners' referrals awaiting a decision (accept, or reject with the reason the partner
 * will read; the forms go to the command side), and the waiting list in the programme's order. Households by their
 * codes only: their people's data opens on the referral's own page, where each read is recorded, and where a
 * referral the partner no longer needs is withdrawn.
 */
@PageController
class ReferralPages {

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;
    private final WaitingList waitingList;
    private final ReferralFiles files;
    private final StepsAlreadyRecorded recorded;
    private final QueryGateway queries;

    ReferralPages(ReferralRecordRepository referrals, PartnerRecordRepository partners, WaitingList waitingList,
                  ReferralFiles files, StepsAlreadyRecorded recorded, QueryGateway queries) {
        this.referrals = referrals;
        this.partners = partners;
        this.waitingList = waitingList;
        this.files = files;
        this.recorded = recorded;
        this.queries = queries;
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

    /** One referral, its household by code: its people's data stays closed until asked for. */
    @GetMapping("/orientations/{referralId}")
    @PreAuthorize(Access.STAFF)
    String referral(@PathVariable UUID referralId, Model model) throws InterruptedException {
        recorded.awaitAfterAForm(model, ReferralProjection.PROCESSING_GROUP); // a withdrawal, sent from this page
        model.addAttribute("opened", false);
        return referralPage(files.visible(referralId, Caller.current()), model);
    }

    /**
     * Opening the people's data is a step of its own, and recorded: a button, never a link a browser could follow
     * ahead of the reader; the page that shows the data is kept in no cache.
     */
    @PostMapping("/orientations/{referralId}/donnees-personnelles")
    @PreAuthorize(Access.STAFF)
    String personalData(@PathVariable UUID referralId, Model model, HttpServletResponse response) {
        Caller reader = Caller.current();
        ReferralRecord referral = files.visible(referralId, reader);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("opened", true).addAttribute("personalData", files.open(referral, reader).orElse(null));
        return referralPage(referral, model);
    }

    /**
     * The address the data was shown at, asked again (the browser's history, a bookmark): the referral's page, where
     * the data is opened again by its button and recorded, rather than a 405 (an outside probe).
     */
    @GetMapping("/orientations/{referralId}/donnees-personnelles")
    @PreAuthorize(Access.STAFF)
    String personalDataAskedAgain(@PathVariable UUID referralId) {
        return "redirect:/orientations/" + referralId;
    }

    private String referralPage(ReferralRecord referral, Model model) {
        model.addAttribute("referral", referral)
             .addAttribute("partnerName", partners.findById(referral.getPartnerId()).map(PartnerRecord::getName)
                                                  .orElse(null))
             .addAttribute("reads", files.readsOf(referral))
             // the household's devices as the inventory has them: each one's tag and where it is now
             .addAttribute("devices", queries.query(new FindDevicesOfHousehold(referral.getReferralId()),
                     ResponseTypes.multipleInstancesOf(DeviceView.class)).join());
        return "referral/referral";
    }
}
