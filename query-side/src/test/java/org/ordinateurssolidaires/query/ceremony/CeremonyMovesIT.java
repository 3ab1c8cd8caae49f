package org.ordinateurssolidaires.query.ceremony;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Found by an outside probe: staff give a reason to move or call off a ceremony, and no page showed it again. A
 * ceremony shows where and when it was to be before its last move, and why, and why it was called off.
 */
class CeremonyMovesIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aCeremonyShowsItsLastMoveAndWhyItWasCalledOff() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        var moved = new CeremonyId(UUID.randomUUID());
        var calledOff = new CeremonyId(UUID.randomUUID());
        events.append(new CeremonyScheduled(moved, today.plusDays(20), "Salle Timbaud " + moved),
                new CeremonyRescheduled(moved, today.plusDays(27), "Salle Timbaud " + moved, "trop peu d'appareils"),
                new CeremonyRescheduled(moved, today.plusDays(28), "Hôtel de ville " + moved, "salle <b>prise</b>"),
                new CeremonyScheduled(calledOff, today.plusDays(40), "Médiathèque " + calledOff),
                new CeremonyCancelled(calledOff, "travaux dans la salle"));

        JsonNode views = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/ceremonies", JsonNode.class),
                all -> StreamSupport.stream(all.spliterator(), false).anyMatch(view ->
                        view.get("ceremonyId").asString().equals(calledOff.toString())
                        && "CANCELLED".equals(view.get("status").asString())));
        JsonNode movedView = view(views, moved);
        assertThat(movedView.get("place").asString()).isEqualTo("Hôtel de ville " + moved);
        assertThat(movedView.at("/lastMove/fromDate").asString()).isEqualTo(today.plusDays(27).toString());
        assertThat(movedView.at("/lastMove/fromPlace").asString()).isEqualTo("Salle Timbaud " + moved);
        assertThat(movedView.at("/lastMove/reason").asString()).isEqualTo("salle <b>prise</b>");
        assertThat(movedView.get("cancellationReason").isNull()).isTrue();
        JsonNode calledOffView = view(views, calledOff);
        assertThat(calledOffView.get("cancellationReason").asString()).isEqualTo("travaux dans la salle");
        assertThat(calledOffView.get("lastMove").isNull()).as("never moved").isTrue();

        String page = http.getForObject("/ceremonies", String.class);
        String movedSection = page.substring(page.indexOf("Hôtel de ville " + moved));
        assertThat(movedSection.substring(0, movedSection.indexOf("</article>")))
                .contains("Déplacée : elle était prévue le ", ", Salle Timbaud " + moved
                        + ". Motif : salle &lt;b&gt;prise&lt;/b&gt;");
        String pastRow = page.substring(page.indexOf("Médiathèque " + calledOff));
        assertThat(pastRow.substring(0, pastRow.indexOf("</tr>"))).contains("<td>travaux dans la salle</td>");
    }

    private static JsonNode view(JsonNode views, CeremonyId ceremony) {
        return StreamSupport.stream(views.spliterator(), false)
                            .filter(view -> view.get("ceremonyId").asString().equals(ceremony.toString()))
                            .findFirst().orElseThrow();
    }
}
