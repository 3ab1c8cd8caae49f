package org.ordinateurssolidaires.query.ceremony;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The ceremonies still to come, for the hand-over form's choice of the one a device is given at. */
@Component
public class PlannedCeremonies {

    public record FetchPlannedCeremonies() {
    }

    public record PlannedCeremony(UUID ceremonyId, LocalDate date, String place) {
    }

    private final CeremonyRepository ceremonies;

    PlannedCeremonies(CeremonyRepository ceremonies) {
        this.ceremonies = ceremonies;
    }

    @QueryHandler
    List<PlannedCeremony> handle(FetchPlannedCeremonies query) {
        return ceremonies.findByStatusOrderByCeremonyDateAscCeremonyIdAsc(CeremonyRecord.Status.PLANNED).stream()
                         .map(ceremony -> new PlannedCeremony(ceremony.getCeremonyId(), ceremony.getCeremonyDate(),
                                 ceremony.getPlace()))
                         .toList();
    }
}
