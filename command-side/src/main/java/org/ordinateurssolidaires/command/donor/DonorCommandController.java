package org.ordinateurssolidaires.command.donor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static org.ordinateurssolidaires.command.donor.DonorRequests.siretOrNone;

/** Donors and the agreements they sign. */
@RestController
@RequestMapping("/api/donors")
@Tag(name = "Donors", description = "donors and their donation agreements")
class DonorCommandController {

    private final CommandDispatcher commands;

    DonorCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a donor")
    DonorRequests.Registered register(@Valid @RequestBody DonorRequests.Register request, CommandOrigin origin) {
        var donorId = new DonorId(origin.newId("donor"));
        commands.dispatch(new RegisterDonor(donorId, request.legalName(), request.kind(), siretOrNone(request.siret()),
                request.contactPerson(), request.contactEmail()), origin);
        return new DonorRequests.Registered(donorId.value());
    }

    @PostMapping("/{donorId}/corrections")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Correct or update a donor's details")
    void correct(@PathVariable UUID donorId, @Valid @RequestBody DonorRequests.Correct request,
                 CommandOrigin origin) {
        commands.dispatch(new CorrectDonorDetails(new DonorId(donorId), request.legalName(),
                siretOrNone(request.siret()), request.contactPerson(), request.contactEmail(), request.reason()), origin);
    }

    @PostMapping("/{donorId}/agreements")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a donation agreement the donor signed")
    DonorRequests.Signed sign(@PathVariable UUID donorId, @Valid @RequestBody DonorRequests.Sign request,
                              CommandOrigin origin) {
        var agreementId = new AgreementId(origin.newId("agreement"));
        commands.dispatch(new SignAgreement(new DonorId(donorId), agreementId, request.modelAgreementVersion(),
                request.signatoryName(), request.signatoryRole(), request.signedOn(), request.validFrom(),
                request.validUntil(), request.commitments().stated()), origin);
        return new DonorRequests.Signed(donorId, agreementId.value());
    }

    @PostMapping("/{donorId}/agreements/{agreementId}/termination")
    @PreAuthorize(Access.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "End an agreement early")
    void terminate(@PathVariable UUID donorId, @PathVariable UUID agreementId,
                   @Valid @RequestBody DonorRequests.Terminate request, CommandOrigin origin) {
        commands.dispatch(new TerminateAgreement(new DonorId(donorId), new AgreementId(agreementId),
                request.terminatedOn(), request.reason()), origin);
    }
}
