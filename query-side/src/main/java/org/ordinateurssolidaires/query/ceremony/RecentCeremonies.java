package org.ordinateurssolidaires.query.ceremony;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The ceremonies a device may have been handed over at, for the hand-over form's choice: those of the week up to the
 * given day, whether still planned or already recorded as held (staff often record the hand-overs after the
 * ceremony, the same day or the next), latest first, not those called off nor those to come. The hand-over is dated
 * by its form's moment; the command side accepts it at a ceremony only on that ceremony's day. And the one a device
 * was handed over at, for its history.
 */
@Component
public class RecentCeremonies {

    /** How far back the form looks: a week's hand-overs are entered late, not a month's. */
    private static final int DAYS_BACK = 7;

    /** @param today the programme's day now */
    public record FetchRecentCeremonies(LocalDate today) {
    }

    /** The ceremonies of these identifiers, as a device's history names the one it was handed over at. */
    public record FetchCeremonies(Set<UUID> ceremonyIds) {
    }

    /** A ceremony as the pages name it: its day and place. */
    public record CeremonyDay(UUID ceremonyId, LocalDate date, String place) {

        static CeremonyDay of(CeremonyRecord ceremony) {
            return new CeremonyDay(ceremony.getCeremonyId(), ceremony.getCeremonyDate(), ceremony.getPlace());
        }
    }

    private final CeremonyRepository ceremonies;

    RecentCeremonies(CeremonyRepository ceremonies) {
        this.ceremonies = ceremonies;
    }

    @QueryHandler
    List<CeremonyDay> handle(FetchRecentCeremonies query) {
        return ceremonies.findByCeremonyDateBetweenAndStatusNotOrderByCeremonyDateDescPlaceAscCeremonyIdAsc(
                                 query.today().minusDays(DAYS_BACK), query.today(), CeremonyRecord.Status.CANCELLED)
                         .stream()
                         .map(CeremonyDay::of)
                         .toList();
    }

    @QueryHandler
    List<CeremonyDay> handle(FetchCeremonies query) {
        return ceremonies.findAllById(query.ceremonyIds()).stream().map(CeremonyDay::of).toList();
    }
}
