package org.ordinateurssolidaires.command.ceremony;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.config.ProgrammeCalendar;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.PageForms;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.UUID;

/**
 * Staff's forms on the ceremonies page (the query side's {@code /ceremonies}): plan one, invite donors, move it,
 * call it off, record that it was held; the API's request records and commands.
 */
@Controller
class CeremonyPageForms {

    private static final String CEREMONIES_PAGE = "/ceremonies";

    private final ProgrammeCalendar calendar;
    private final PageForms forms;

    CeremonyPageForms(ProgrammeCalendar calendar, PageForms forms) {
        this.calendar = calendar;
        this.forms = forms;
    }

    @PostMapping("/actions/ceremonies")
    @PreAuthorize(Access.STAFF)
    String schedule(HttpServletRequest request, CommandOrigin origin, RedirectAttributes flash) {
        return forms.send(request, flash, "done.ceremonyScheduled", CeremonyRequests.Schedule.class,
                form -> form.command(new CeremonyId(origin.newId("ceremony"))), origin, CEREMONIES_PAGE);
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/invitations")
    @PreAuthorize(Access.STAFF)
    String invite(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                  RedirectAttributes flash) {
        return forms.send(request, flash, "done.donorsInvited", CeremonyRequests.Invite.class,
                form -> form.command(ceremonyId), origin, CEREMONIES_PAGE);
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/report")
    @PreAuthorize(Access.STAFF)
    String reschedule(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                      RedirectAttributes flash) {
        return forms.send(request, flash, "done.ceremonyRescheduled", CeremonyRequests.Reschedule.class,
                form -> form.command(ceremonyId), origin, CEREMONIES_PAGE);
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/annulation")
    @PreAuthorize(Access.STAFF)
    String cancel(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                  RedirectAttributes flash) {
        return forms.send(request, flash, "done.ceremonyCancelled", CeremonyRequests.Cancel.class,
                form -> form.command(ceremonyId), origin, CEREMONIES_PAGE);
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/tenue")
    @PreAuthorize(Access.STAFF)
    String held(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                RedirectAttributes flash) {
        return forms.send(request, flash, "done.ceremonyHeld", CeremonyRequests.Held.class,
                form -> form.command(ceremonyId, calendar.dayOf(Instant.now())), origin, CEREMONIES_PAGE);
    }
}
