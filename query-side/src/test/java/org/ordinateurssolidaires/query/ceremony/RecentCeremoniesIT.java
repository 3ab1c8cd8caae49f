package org.ordinateurssolidaires.query.ceremony;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyHeld;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.ceremony.RecentCeremonies.CeremonyDay;
import org.ordinateurssolidaires.query.ceremony.RecentCeremonies.FetchCeremonies;
import org.ordinateurssolidaires.query.ceremony.RecentCeremonies.FetchRecentCeremonies;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-over form offers the ceremonies a device may have been handed over at: the week's up to today, planned or
 * already recorded as held, latest first; never one called off, one to come, or an older one.
 */
class RecentCeremoniesIT extends QuerySideIntegrationTest {

    @Autowired
    QueryGateway queries;

    @Test
    void offersTheWeeksCeremoniesPlannedOrHeldAndNoOther() {
        LocalDate today = LocalDate.parse("2031-06-14"); // a week of its own: other tests' ceremonies are elsewhere
        var morning = new CeremonyId(UUID.randomUUID());
        var heldAlready = new CeremonyId(UUID.randomUUID());
        var calledOff = new CeremonyId(UUID.randomUUID());
        var yesterday = new CeremonyId(UUID.randomUUID());
        var weekAgo = new CeremonyId(UUID.randomUUID());
        var tooOld = new CeremonyId(UUID.randomUUID());
        var tomorrow = new CeremonyId(UUID.randomUUID());
        var movedAway = new CeremonyId(UUID.randomUUID());
        var movedThere = new CeremonyId(UUID.randomUUID());
        events.append(new CeremonyScheduled(morning, today, "Maison des associations"),
                new CeremonyScheduled(heldAlready, today, "Hôtel de ville"),
                new CeremonyHeld(heldAlready, 3, 1),
                new CeremonyScheduled(calledOff, today, "Médiathèque"),
                new CeremonyCancelled(calledOff, "salle indisponible"),
                new CeremonyScheduled(yesterday, today.minusDays(1), "Salons de Blossac"),
                new CeremonyHeld(yesterday, 5, 2),
                new CeremonyScheduled(weekAgo, today.minusDays(7), "Gymnase des Couronneries"),
                new CeremonyScheduled(tooOld, today.minusDays(8), "Espace Mendès-France"),
                new CeremonyScheduled(tomorrow, today.plusDays(1), "Centre social de Beaulieu"),
                new CeremonyScheduled(movedAway, today, "Gymnase"),
                new CeremonyRescheduled(movedAway, today.plusDays(7), "Gymnase", "trop peu d'appareils prêts"),
                new CeremonyScheduled(movedThere, today.minusDays(30), "Centre social"),
                new CeremonyRescheduled(movedThere, today, "Centre social des Trois-Cités", "salle plus grande"));

        // the processor may take the ceremonies in several segments, each in its own order: awaited until it is right
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<CeremonyDay> offered = queries.query(new FetchRecentCeremonies(today),
                    ResponseTypes.multipleInstancesOf(CeremonyDay.class)).join();
            assertThat(offered).extracting(CeremonyDay::ceremonyId)
                               .containsExactly(movedThere.value(), heldAlready.value(), morning.value(),
                                       yesterday.value(), weekAgo.value());
            assertThat(offered).extracting(CeremonyDay::place)
                               .containsExactly("Centre social des Trois-Cités", "Hôtel de ville",
                                       "Maison des associations", "Salons de Blossac", "Gymnase des Couronneries");
            // a device's history names the ceremony it was handed over at, however long ago, moved or not
            assertThat(queries.query(new FetchCeremonies(Set.of(tooOld.value(), movedAway.value())),
                    ResponseTypes.multipleInstancesOf(CeremonyDay.class)).join()).containsExactlyInAnyOrder(
                    new CeremonyDay(tooOld.value(), today.minusDays(8), "Espace Mendès-France"),
                    new CeremonyDay(movedAway.value(), today.plusDays(7), "Gymnase"));
        });
    }
}
