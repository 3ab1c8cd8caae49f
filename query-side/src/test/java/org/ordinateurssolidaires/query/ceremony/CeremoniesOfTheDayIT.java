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
import org.ordinateurssolidaires.query.ceremony.CeremoniesOfTheDay.CeremonyOfTheDay;
import org.ordinateurssolidaires.query.ceremony.CeremoniesOfTheDay.FetchCeremoniesOfTheDay;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-over form offers the ceremonies a device can be handed over at that day: planned or already recorded as
 * held, never one called off or of another day.
 */
class CeremoniesOfTheDayIT extends QuerySideIntegrationTest {

    @Autowired
    QueryGateway queries;

    @Test
    void offersTheDaysCeremoniesPlannedOrHeldAndNoOther() {
        LocalDate day = LocalDate.parse("2031-06-14"); // a day of its own: other tests' ceremonies are elsewhere
        var morning = new CeremonyId(UUID.randomUUID());
        var heldAlready = new CeremonyId(UUID.randomUUID());
        var calledOff = new CeremonyId(UUID.randomUUID());
        var dayBefore = new CeremonyId(UUID.randomUUID());
        var movedAway = new CeremonyId(UUID.randomUUID());
        var movedThere = new CeremonyId(UUID.randomUUID());
        events.append(new CeremonyScheduled(morning, day, "Maison des associations"),
                new CeremonyScheduled(heldAlready, day, "Hôtel de ville"),
                new CeremonyHeld(heldAlready, 3, 1),
                new CeremonyScheduled(calledOff, day, "Médiathèque"),
                new CeremonyCancelled(calledOff, "salle indisponible"),
                new CeremonyScheduled(dayBefore, day.minusDays(1), "Salons de Blossac"),
                new CeremonyScheduled(movedAway, day, "Gymnase"),
                new CeremonyRescheduled(movedAway, day.plusDays(7), "Gymnase", "trop peu d'appareils prêts"),
                new CeremonyScheduled(movedThere, day.minusDays(3), "Centre social"),
                new CeremonyRescheduled(movedThere, day, "Centre social des Trois-Cités", "salle plus grande"));

        // the processor may take the ceremonies in several segments, each in its own order: awaited until it is right
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<CeremonyOfTheDay> offered = queries.query(new FetchCeremoniesOfTheDay(day),
                    ResponseTypes.multipleInstancesOf(CeremonyOfTheDay.class)).join();
            assertThat(offered).extracting(CeremonyOfTheDay::ceremonyId)
                               .containsExactly(movedThere.value(), heldAlready.value(), morning.value());
            assertThat(offered).extracting(CeremonyOfTheDay::place)
                               .containsExactly("Centre social des Trois-Cités", "Hôtel de ville",
                                       "Maison des associations");
            assertThat(offered).extracting(CeremonyOfTheDay::date).containsOnly(day);
        });
    }
}
