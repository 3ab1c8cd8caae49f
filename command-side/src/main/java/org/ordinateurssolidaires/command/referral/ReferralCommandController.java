package org.ordinateurssolidaires.command.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.web.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/** Partners refer households; staff decide; anyone entitled can have a household forgotten. */
@RestController
@Tag(name = "Referrals", description = "partners' referrals of households, with personal data that can be forgotten")
class ReferralCommandController {

    private final CommandDispatcher commands;
    private final ReferralStandings referrals;
    private final HouseholdRegister households;

    ReferralCommandController(CommandDispatcher commands, ReferralStandings referrals, HouseholdRegister households) {
        this.commands = commands;
        this.referrals = referrals;
        this.households = households;
    }

    @PostMapping("/api/partners")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a partner organisation", description = "Not under the name an active partner goes"
            + " by (compared by its letters and digits as they look, without accents or case: \"ССАЅ\" in Cyrillic is"
            + " \"CCAS\"): 409 PARTNER_NAME_REGISTERED_ONCE,"
            + " naming it.")
    ReferralRequests.PartnerRegistered registerPartner(@Valid @RequestBody ReferralRequests.RegisterPartner request,
                                                       CommandOrigin origin) {
        var partnerId = new PartnerId(origin.newId("partner"));
        commands.dispatch(request.command(partnerId), origin);
        return new ReferralRequests.PartnerRegistered(partnerId.value());
    }

    @PostMapping("/api/partners/{partnerId}/contacts")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a contact person at the partner")
    ReferralRequests.ContactAdded addContact(@PathVariable UUID partnerId,
                                             @Valid @RequestBody ReferralRequests.Contact request,
                                             CommandOrigin origin) {
        UUID contactId = origin.newId("partner-contact");
        commands.dispatch(request.command(partnerId, contactId), origin);
        return new ReferralRequests.ContactAdded(contactId);
    }

    @PostMapping("/api/partners/{partnerId}/contacts/{contactId}/removal")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The person is no longer the programme's contact at the partner")
    void removeContact(@PathVariable UUID partnerId, @PathVariable UUID contactId, CommandOrigin origin) {
        commands.dispatch(new RemovePartnerContact(new PartnerId(partnerId), contactId), origin);
    }

    @PostMapping("/api/partners/{partnerId}/deactivation")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The partner stops referring households")
    void deactivatePartner(@PathVariable UUID partnerId, @Valid @RequestBody ReferralRequests.Reason request,
                           CommandOrigin origin) {
        commands.dispatch(request.deactivation(partnerId), origin);
    }

    @PostMapping("/api/partners/{partnerId}/referrals")
    @PreAuthorize(Access.STAFF_OR_PARTNER)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Refer a household; its personal data is stored only encrypted")
    ReferralRequests.Submitted submit(@PathVariable UUID partnerId, @Valid @RequestBody ReferralRequests.Submit request,
                                      CommandOrigin origin) {
        return submit(commands, partnerId, request, origin);
    }

    /** A referral, from the API or a partner's page: the personal data is sealed by the command's handler. */
    static ReferralRequests.Submitted submit(CommandDispatcher commands, UUID partnerId,
                                             ReferralRequests.Submit request, CommandOrigin origin) {
        Caller caller = Caller.current();
        caller.requirePartner(partnerId);
        if (request.alreadyEquippedJustification() != null && !caller.has(Role.STAFF)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "only staff justify equipping again a household"
                    + " the programme already equipped (alreadyEquippedJustification)");
        }
        // the waiting list is ordered by this date: a partner refers now; only staff record a referral made earlier
        // (on paper, before the programme's records). Now to the second, as people and clients write a moment: a
        // decision sent within the same second is not dated before it
        Instant submittedAt = caller.has(Role.STAFF) && request.submittedAt() != null ? request.submittedAt()
                : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var referralId = new ReferralId(origin.newId("referral"));
        String householdCode = "H-" + origin.newId("household").toString().substring(0, 8).toUpperCase(Locale.ROOT);
        commands.dispatch(new SubmitReferral(referralId, new PartnerId(partnerId), householdCode, request.criterion(),
                request.householdSize(), request.children(), request.need(),
                request.personalData().inClear(request.notes(), request.accessibilityNeeds()),
                request.alreadyEquippedJustification(), submittedAt, caller.has(Role.STAFF)), origin);
        return new ReferralRequests.Submitted(referralId.value(), householdCode);
    }

    @PostMapping("/api/referrals/{referralId}/acceptance")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Accept a referral: the household joins the waiting list")
    void accept(@PathVariable UUID referralId, @Valid @RequestBody ReferralRequests.Decision request,
                CommandOrigin origin) {
        commands.dispatch(request.acceptance(new ReferralId(referralId)), origin);
    }

    @PostMapping("/api/referrals/{referralId}/rejection")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reject a referral, with the reason the partner will read")
    void reject(@PathVariable UUID referralId, @Valid @RequestBody ReferralRequests.Explained request,
                CommandOrigin origin) {
        commands.dispatch(request.rejection(new ReferralId(referralId)), origin);
    }

    @PostMapping("/api/referrals/{referralId}/withdrawal")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The partner withdraws its referral")
    void withdraw(@PathVariable UUID referralId, @Valid @RequestBody ReferralRequests.Explained request,
                  CommandOrigin origin) {
        commands.dispatch(request.withdrawal(new ReferralId(referralId)), origin);
    }

    /**
     * Read here, not on the query side: the household register's keyed hashes are the command side's, and no read
     * model holds a household's identifiers in clear.
     */
    @GetMapping("/api/referrals/{referralId}/same-household")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "The other referrals sharing the household's e-mail, phone, or name with address: to forget "
                         + "with this one when the household asks to be forgotten (ask before: a forgotten referral "
                         + "keeps no identifier)")
    ReferralRequests.SameHousehold sameHousehold(@PathVariable UUID referralId) {
        var referral = new ReferralId(referralId);
        if (!referrals.isKnown(referral)) {
            throw new UnknownEntity(UnknownEntity.Kind.REFERRAL, "no referral " + referralId);
        }
        return new ReferralRequests.SameHousehold(households.sameHousehold(referral));
    }

    @PostMapping("/api/referrals/{referralId}/personal-data/erasure")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Forget the household's people: their personal data can never be read again")
    void forget(@PathVariable UUID referralId, CommandOrigin origin) {
        commands.dispatch(new ForgetPersonalData(new ReferralId(referralId)), origin);
    }
}
