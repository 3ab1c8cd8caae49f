package org.ordinateurssolidaires.query.ceremony;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The ceremonies a device may have been handed over at, for the hand-over form's choice: those of the week up to the
 * given day, whether still planned or already recorded as held (staff often record the hand-overs after the
 * ceremony, the same day or the next), latest first, not those called off nor those to come. The hand-over is dated
 * by its form's moment; the command side accepts it at a ceremony only on that ceremony's day.
 */
@Component
public class RecentCeremonies {

    /** How far back the form looks: a week's hand-overs are entered late, not a month's. */
    private static final int DAYS_BACK = 7;

    /** @param today the programme's day now */
    public record FetchRecentCeremonies(LocalDate today) {
    }

    public record RecentCeremony(UUID ceremonyId, LocalDate date, String place) {
    }

    private final CeremonyRepository ceremonies;

    RecentCeremonies(CeremonyRepository ceremonies) {
        this.ceremonies = ceremonies;
    }

    @QueryHandler
    List<RecentCeremony> handle(FetchRecentCeremonies query) {
        return ceremonies.findByCeremonyDateBetweenAndStatusNotOrderByCeremonyDateDescPlaceAscCeremonyIdAsc(
                                 query.today().minusDays(DAYS_BACK), query.today(), CeremonyRecord.Status.CANCELLED)
                         .stream()
                         .map(ceremony -> new RecentCeremony(ceremony.getCeremonyId(), ceremony.getCeremonyDate(),
                                 ceremony.getPlace()))
                         .toList();
    }
}
