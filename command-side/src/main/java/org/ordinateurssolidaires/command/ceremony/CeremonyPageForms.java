package org.ordinateurssolidaires.command.ceremony;

import jakarta.servlet.http.HttpServletRequest;
import org.ordinateurssolidaires.command.config.ProgrammeCalendar;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
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
import java.util.Map;
import java.util.UUID;

/**
 * Staff's forms on the ceremonies page (the query side's {@code /ceremonies}): plan one, invite donors, move it,
 * call it off, record that it was held; the API's request records and commands.
 */
@Controller
class CeremonyPageForms {

    private static final String CEREMONIES_PAGE = "/ceremonies";

    private final CommandDispatcher commands;
    private final ProgrammeCalendar calendar;
    private final PageForms forms;

    CeremonyPageForms(CommandDispatcher commands, ProgrammeCalendar calendar, PageForms forms) {
        this.commands = commands;
        this.calendar = calendar;
        this.forms = forms;
    }

    @PostMapping("/actions/ceremonies")
    @PreAuthorize(Access.STAFF)
    String schedule(HttpServletRequest request, CommandOrigin origin, RedirectAttributes flash) {
        return forms.submit(request, flash, "done.ceremonyScheduled", () -> {
            commands.dispatch(forms.bind(CeremonyRequests.Schedule.class, request, Map.of())
                                   .command(new CeremonyId(origin.newId("ceremony"))), origin);
            return CEREMONIES_PAGE;
        });
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/invitations")
    @PreAuthorize(Access.STAFF)
    String invite(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                  RedirectAttributes flash) {
        return forms.submit(request, flash, "done.donorsInvited", () -> {
            commands.dispatch(forms.bind(CeremonyRequests.Invite.class, request, Map.of()).command(ceremonyId), origin);
            return CEREMONIES_PAGE;
        });
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/report")
    @PreAuthorize(Access.STAFF)
    String reschedule(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                      RedirectAttributes flash) {
        return forms.submit(request, flash, "done.ceremonyRescheduled", () -> {
            commands.dispatch(forms.bind(CeremonyRequests.Reschedule.class, request, Map.of()).command(ceremonyId),
                    origin);
            return CEREMONIES_PAGE;
        });
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/annulation")
    @PreAuthorize(Access.STAFF)
    String cancel(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                  RedirectAttributes flash) {
        return forms.submit(request, flash, "done.ceremonyCancelled", () -> {
            commands.dispatch(forms.bind(CeremonyRequests.Cancel.class, request, Map.of()).command(ceremonyId), origin);
            return CEREMONIES_PAGE;
        });
    }

    @PostMapping("/actions/ceremonies/{ceremonyId}/tenue")
    @PreAuthorize(Access.STAFF)
    String held(@PathVariable UUID ceremonyId, HttpServletRequest request, CommandOrigin origin,
                RedirectAttributes flash) {
        return forms.submit(request, flash, "done.ceremonyHeld", () -> {
            commands.dispatch(forms.bind(CeremonyRequests.Held.class, request, Map.of())
                                   .command(ceremonyId, calendar.dayOf(Instant.now())), origin);
            return CEREMONIES_PAGE;
        });
    }
}
