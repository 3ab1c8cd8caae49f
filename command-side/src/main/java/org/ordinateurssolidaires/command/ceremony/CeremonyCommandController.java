package org.ordinateurssolidaires.command.ceremony;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ordinateurssolidaires.command.config.ProgrammeCalendar;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** Hand-over ceremonies, where donors meet the households their computers went to. */
@RestController
@RequestMapping("/api/ceremonies")
@Tag(name = "Ceremonies", description = "hand-over ceremonies bringing donors and beneficiaries together")
class CeremonyCommandController {

    private final CommandDispatcher commands;
    private final ProgrammeCalendar calendar;

    CeremonyCommandController(CommandDispatcher commands, ProgrammeCalendar calendar) {
        this.commands = commands;
        this.calendar = calendar;
    }

    @PostMapping
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a hand-over ceremony", description = "One per day and place, planned or held (the"
            + " place's name compared by its letters and digits as they look, without accents or case): another there"
            + " that day is"
            + " refused, 409 ONE_CEREMONY_PER_DAY_AND_PLACE, the detail naming it.")
    CeremonyRequests.Scheduled schedule(@Valid @RequestBody CeremonyRequests.Schedule request, CommandOrigin origin) {
        var ceremonyId = new CeremonyId(origin.newId("ceremony"));
        commands.dispatch(request.command(ceremonyId), origin);
        return new CeremonyRequests.Scheduled(ceremonyId.value());
    }

    @PostMapping("/{ceremonyId}/invitations")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Invite donors to a planned ceremony")
    void invite(@PathVariable UUID ceremonyId, @Valid @RequestBody CeremonyRequests.Invite request,
                CommandOrigin origin) {
        commands.dispatch(request.command(ceremonyId), origin);
    }

    @PostMapping("/{ceremonyId}/rescheduling")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Move a planned ceremony to another day or place", description = "Not to a day and place"
            + " another ceremony takes (409 ONE_CEREMONY_PER_DAY_AND_PLACE); once a device was handed over at it, to"
            + " another room the same day only (409 HAND_OVERS_KEEP_THEIR_CEREMONY).")
    void reschedule(@PathVariable UUID ceremonyId, @Valid @RequestBody CeremonyRequests.Reschedule request,
                    CommandOrigin origin) {
        commands.dispatch(request.command(ceremonyId), origin);
    }

    @PostMapping("/{ceremonyId}/cancellation")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Call off a planned ceremony")
    void cancel(@PathVariable UUID ceremonyId, @Valid @RequestBody CeremonyRequests.Cancel request,
                CommandOrigin origin) {
        commands.dispatch(request.command(ceremonyId), origin);
    }

    @PostMapping("/{ceremonyId}/held")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record that the ceremony took place, with how many households and donors came",
            description = "From its day on (409 HELD_ON_ITS_DAY), with at least as many households present as were"
                          + " handed devices at it (409 HOUSEHOLDS_HANDED_OVER_WERE_PRESENT), and no more donors than"
                          + " were invited (409 DONORS_PRESENT_WERE_INVITED).")
    void held(@PathVariable UUID ceremonyId, @Valid @RequestBody CeremonyRequests.Held request, CommandOrigin origin) {
        commands.dispatch(request.command(ceremonyId, calendar.dayOf(Instant.now())), origin);
    }
}
