package org.ordinateurssolidaires.command.referral;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * A partner's referral form (the page is the query side's {@code /partenaire/orienter}): the API's request record
 * and command, for the partner the account belongs to, or the one staff refer for; the household's personal data
 * is sealed as over the API.
 * Staff's decisions on the referrals page ({@code /orientations}), and a referral's withdrawal on its own page
 * ({@code /orientations/{id}}) when the partner says the household no longer needs a computer.
 */
@Controller
class ReferralPageForms {

    /** Staff's page of referrals to decide (the query side's). */
    private static final String REFERRALS_PAGE = "/orientations";

    private final CommandDispatcher commands;
    private final PageForms forms;

    ReferralPageForms(CommandDispatcher commands, PageForms forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @PostMapping("/actions/orientations")
    @PreAuthorize(Access.PARTNER)
    String refer(HttpServletRequest request, CommandOrigin origin, RedirectAttributes flash) {
        return forms.submit(request, flash, "done.referred", () -> {
            ReferralCommandController.submit(commands, Caller.current().partnerId(),
                    forms.bind(ReferralRequests.Submit.class, request, Map.of()), origin);
            return "/partenaire";
        });
    }

    /**
     * Staff's referral for a partner (the query side's {@code /partenaires/{id}/orienter}): one made on paper, dated
     * as it was, or a household the programme already equipped, referred again with why. Then to the referrals to
     * decide, where it waits.
     */
    @PostMapping("/actions/partenaires/{partnerId}/orientations")
    @PreAuthorize(Access.STAFF)
    String referForAPartner(@PathVariable UUID partnerId, HttpServletRequest request, CommandOrigin origin,
                            RedirectAttributes flash) {
        return forms.submit(request, flash, "done.referred", () -> {
            ReferralCommandController.submit(commands, partnerId,
                    forms.bind(ReferralRequests.Submit.class, request, Map.of()), origin);
            return REFERRALS_PAGE;
        });
    }

    @PostMapping("/actions/orientations/{referralId}/acceptation")
    @PreAuthorize(Access.STAFF)
    String accept(@PathVariable UUID referralId, HttpServletRequest request, CommandOrigin origin,
                  RedirectAttributes flash) {
        return forms.send(request, flash, "done.accepted", ReferralRequests.Decision.class,
                PageForms.datedOnArrival("at"), form -> form.acceptance(new ReferralId(referralId)), origin, REFERRALS_PAGE);
    }

    @PostMapping("/actions/orientations/{referralId}/refus")
    @PreAuthorize(Access.STAFF)
    String reject(@PathVariable UUID referralId, HttpServletRequest request, CommandOrigin origin,
                  RedirectAttributes flash) {
        return forms.send(request, flash, "done.rejected", ReferralRequests.Explained.class,
                PageForms.datedOnArrival("at"), form -> form.rejection(new ReferralId(referralId)), origin, REFERRALS_PAGE);
    }

    @PostMapping("/actions/orientations/{referralId}/retrait")
    @PreAuthorize(Access.STAFF)
    String withdraw(@PathVariable UUID referralId, HttpServletRequest request, CommandOrigin origin,
                    RedirectAttributes flash) {
        return forms.send(request, flash, "done.withdrawn", ReferralRequests.Explained.class,
                PageForms.datedOnArrival("at"), form -> form.withdrawal(new ReferralId(referralId)), origin,
                REFERRALS_PAGE + "/" + referralId);
    }
}
