package org.ordinateurssolidaires.query.donor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordinateurssolidaires.query.ceremony.CeremonyRecord;
import org.ordinateurssolidaires.query.ceremony.CeremonyRepository;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The hand-over ceremonies a donor is invited to, for the donor to plan its visit (or for staff on its behalf). */
@RestController
@Tag(name = "Donor report", description = "what became of a donor's gift")
class CeremonyInvitationsController {

    private final DonorRecordRepository donors;
    private final CeremonyRepository ceremonies;
    private final ReadModelRebuilds rebuilds;

    CeremonyInvitationsController(DonorRecordRepository donors, CeremonyRepository ceremonies,
                                  ReadModelRebuilds rebuilds) {
        this.donors = donors;
        this.ceremonies = ceremonies;
        this.rebuilds = rebuilds;
    }

    /** Where and when, as it now stands: a rescheduled ceremony shows its new date and place. */
    record CeremonyInvitation(UUID ceremonyId, LocalDate date, String place, CeremonyRecord.Status status) {
    }

    @GetMapping("/api/donors/{donorId}/ceremony-invitations")
    @PreAuthorize(Access.STAFF_OR_DONOR)
    @Operation(summary = "The ceremonies the donor is invited to, by date, each as planned, cancelled or held")
    List<CeremonyInvitation> invitations(@PathVariable UUID donorId) {
        Caller.current().requireDonor(donorId);
        if (!donors.existsById(donorId)) {
            throw new NotInTheReadModels("no donor " + donorId);
        }
        return rebuilds.whole(() -> ceremonies.findInvitationsOf(donorId), CeremonyRepository.PROCESSING_GROUP).stream()
                         .map(ceremony -> new CeremonyInvitation(ceremony.getCeremonyId(), ceremony.getCeremonyDate(),
                                 ceremony.getPlace(), ceremony.getStatus()))
                         .toList();
    }
}
