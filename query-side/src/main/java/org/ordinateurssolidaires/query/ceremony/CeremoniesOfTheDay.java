package org.ordinateurssolidaires.query.ceremony;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The ceremonies a device may be handed over at on a given day, for the hand-over form's choice: those taking place
 * that day, whether still planned or already recorded as held (staff often record the hand-overs after the
 * ceremony), not those called off. The command side accepts no other: a device is handed over at a ceremony only on
 * its day.
 */
@Component
public class CeremoniesOfTheDay {

    public record FetchCeremoniesOfTheDay(LocalDate day) {
    }

    public record CeremonyOfTheDay(UUID ceremonyId, LocalDate date, String place) {
    }

    private final CeremonyRepository ceremonies;

    CeremoniesOfTheDay(CeremonyRepository ceremonies) {
        this.ceremonies = ceremonies;
    }

    @QueryHandler
    List<CeremonyOfTheDay> handle(FetchCeremoniesOfTheDay query) {
        return ceremonies.findByCeremonyDateAndStatusNotOrderByPlaceAscCeremonyIdAsc(query.day(),
                                 CeremonyRecord.Status.CANCELLED).stream()
                         .map(ceremony -> new CeremonyOfTheDay(ceremony.getCeremonyId(), ceremony.getCeremonyDate(),
                                 ceremony.getPlace()))
                         .toList();
    }
}
