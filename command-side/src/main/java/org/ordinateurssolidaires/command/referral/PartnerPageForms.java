package org.ordinateurssolidaires.command.referral;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * Staff's forms on the partners page (the query side's {@code /partenaires}): register a partner, record or remove
 * a contact person, deactivate a partner; the API's request records and commands.
 */
@Controller
class PartnerPageForms {

    private static final String PARTNERS_PAGE = "/partenaires";

    private final CommandDispatcher commands;
    private final PageForms forms;

    PartnerPageForms(CommandDispatcher commands, PageForms forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @PostMapping("/actions/partenaires")
    @PreAuthorize(Access.STAFF)
    String register(HttpServletRequest request, CommandOrigin origin, RedirectAttributes flash) {
        return forms.send(request, flash, "done.partnerRegistered", ReferralRequests.RegisterPartner.class,
                form -> form.command(new PartnerId(origin.newId("partner"))), origin, PARTNERS_PAGE);
    }

    @PostMapping("/actions/partenaires/{partnerId}/contacts")
    @PreAuthorize(Access.STAFF)
    String addContact(@PathVariable UUID partnerId, HttpServletRequest request, CommandOrigin origin,
                      RedirectAttributes flash) {
        return forms.send(request, flash, "done.contactAdded", ReferralRequests.Contact.class,
                form -> form.command(partnerId, origin.newId("partner-contact")), origin, PARTNERS_PAGE);
    }

    @PostMapping("/actions/partenaires/{partnerId}/contacts/{contactId}/retrait")
    @PreAuthorize(Access.STAFF)
    String removeContact(@PathVariable UUID partnerId, @PathVariable UUID contactId, HttpServletRequest request,
                         CommandOrigin origin, RedirectAttributes flash) {
        return forms.press(request, flash, "done.contactRemoved",
                () -> commands.dispatch(new RemovePartnerContact(new PartnerId(partnerId), contactId), origin),
                PARTNERS_PAGE);
    }

    @PostMapping("/actions/partenaires/{partnerId}/desactivation")
    @PreAuthorize(Access.STAFF)
    String deactivate(@PathVariable UUID partnerId, HttpServletRequest request, CommandOrigin origin,
                      RedirectAttributes flash) {
        return forms.send(request, flash, "done.partnerDeactivated", ReferralRequests.Reason.class,
                form -> form.deactivation(partnerId), origin, PARTNERS_PAGE);
    }
}
