package org.ordinateurssolidaires.query.ceremony;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The hand-over ceremonies, for staff to plan them and follow who was invited and who came. */
@RestController
@Tag(name = "Ceremonies", description = "hand-over ceremonies: when, where, who is invited, how many came")
class CeremonyController {

    private final CeremonyRepository ceremonies;
    private final ReadModelRebuilds rebuilds;

    CeremonyController(CeremonyRepository ceremonies, ReadModelRebuilds rebuilds) {
        this.ceremonies = ceremonies;
        this.rebuilds = rebuilds;
    }

    /**
     * As it now stands: a rescheduled ceremony at its new date and place, with where and when it was to be before its
     * last move and why it moved; why it was cancelled; the counts once it was held.
     */
    record CeremonyView(UUID ceremonyId, LocalDate date, String place, CeremonyRecord.Status status,
                        Set<UUID> invitedDonors, Integer householdsPresent, Integer donorsPresent, Move lastMove,
                        String cancellationReason) {
    }

    /** The day and place a ceremony was moved from, and why. */
    record Move(LocalDate fromDate, String fromPlace, String reason) {
    }

    @GetMapping("/api/ceremonies")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Every ceremony, by date, planned, cancelled or held")
    List<CeremonyView> ceremonies() {
        return rebuilds.whole(() -> ceremonies.findAll(Sort.by("ceremonyDate", "ceremonyId")),
                              CeremonyRepository.PROCESSING_GROUP).stream()
                         .map(ceremony -> new CeremonyView(ceremony.getCeremonyId(), ceremony.getCeremonyDate(),
                                 ceremony.getPlace(), ceremony.getStatus(), Set.copyOf(ceremony.getInvitedDonors()),
                                 ceremony.getHouseholdsPresent(), ceremony.getDonorsPresent(),
                                 ceremony.getMovedFromDate() == null ? null : new Move(ceremony.getMovedFromDate(),
                                         ceremony.getMovedFromPlace(), ceremony.getMoveReason()),
                                 ceremony.getCancellationReason()))
                         .toList();
    }
}
