package org.ordinateurssolidaires.query.donor;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.ceremony.DonorsInvited;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A donor's own account follows the ceremonies it is invited to, as they now stand, and no other donor's; staff see
 * every ceremony.
 */
class CeremonyInvitationsIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void aDonorSeesTheCeremoniesItIsInvitedToAsTheyNowStand() {
        var invited = new DonorId(UUID.randomUUID());
        var other = new DonorId(UUID.randomUUID());
        var spring = new CeremonyId(UUID.randomUUID());
        var autumn = new CeremonyId(UUID.randomUUID());
        var notForIt = new CeremonyId(UUID.randomUUID());
        events.append(new DonorRegistered(invited, "Banque Régionale du Centre-Ouest", DonorKind.COMPANY, null,
                        "Claire Dubois", "claire@example.org"),
                new DonorRegistered(other, "Mutuelle Atlantique", DonorKind.COMPANY, null, "Anne", "a@example.org"),
                new CeremonyScheduled(autumn, LocalDate.parse("2026-10-10"), "Hôtel de ville"),
                new DonorsInvited(autumn, List.of(invited)),
                new CeremonyScheduled(spring, LocalDate.parse("2026-04-11"), "Salons de Blossac"),
                new DonorsInvited(spring, List.of(invited, other)),
                new CeremonyRescheduled(spring, LocalDate.parse("2026-04-18"), "Maison des associations",
                        "la salle est en travaux"),
                new CeremonyScheduled(notForIt, LocalDate.parse("2026-05-02"), "Médiathèque"),
                new DonorsInvited(notForIt, List.of(other)),
                new CeremonyCancelled(autumn, "trop peu d'ordinateurs prêts"));
        TestAccounts.open(jdbc, passwords, "rse.banque", "donor", null, invited.value());
        TestRestTemplate donor = http.withBasicAuth("rse.banque", TestAccounts.PASSWORD);
        String path = "/api/donors/" + invited + "/ceremony-invitations";

        JsonNode invitations = await().atMost(Duration.ofSeconds(20)).until(
                () -> donor.getForObject(path, JsonNode.class),
                answer -> answer.size() == 2 && "CANCELLED".equals(answer.at("/1/status").asString())
                        && "2026-04-18".equals(answer.at("/0/date").asString()));

        assertThat(invitations.findValuesAsString("ceremonyId")).containsExactly(spring.toString(), autumn.toString());
        assertThat(invitations.at("/0/place").asString()).isEqualTo("Maison des associations");
        assertThat(invitations.at("/0/status").asString()).isEqualTo("PLANNED");
        assertThat(invitations.at("/1/place").asString()).isEqualTo("Hôtel de ville");
        assertThat(http.getForObject("/api/donors/" + other + "/ceremony-invitations", JsonNode.class)
                       .findValuesAsString("ceremonyId")).as("staff read any donor's")
                                                         .containsExactly(spring.toString(), notForIt.toString());
        ResponseEntity<JsonNode> anotherDonors = donor.getForEntity("/api/donors/" + other + "/ceremony-invitations",
                JsonNode.class);
        assertThat(anotherDonors.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // staff see every ceremony, by date, with whom they invited
        JsonNode all = http.getForObject("/api/ceremonies", JsonNode.class);
        List<String> ids = all.findValuesAsString("ceremonyId");
        assertThat(ids).containsSubsequence(spring.toString(), notForIt.toString(), autumn.toString());
        JsonNode moved = all.get(ids.indexOf(spring.toString()));
        assertThat(moved.get("place").asString()).isEqualTo("Maison des associations");
        assertThat(moved.get("invitedDonors").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder(invited.toString(), other.toString());
        assertThat(all.get(ids.indexOf(autumn.toString())).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(donor.getForEntity("/api/ceremonies", JsonNode.class).getStatusCode()).as("a donor's account")
                                                                                      .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Found by an outside probe: a ceremony still planned once its day has passed was listed as one to come. */
    @Test
    void staffsPageAsksToRecordAPlannedCeremonyWhoseDayHasPassed() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        var overdue = new CeremonyId(UUID.randomUUID());
        var coming = new CeremonyId(UUID.randomUUID());
        events.append(new CeremonyScheduled(overdue, today.minusDays(10), "Salle Timbaud " + overdue),
                new CeremonyScheduled(coming, today.plusDays(10), "Salle Jean-Moulin " + coming));

        String page = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/ceremonies", String.class),
                html -> html.contains("Salle Jean-Moulin " + coming));

        String overdueSection = page.substring(page.indexOf("Salle Timbaud " + overdue));
        assertThat(overdueSection.substring(0, overdueSection.indexOf("</article>")))
                .contains("Son jour est passé : enregistrez-la comme tenue, ou annulez-la.");
        String comingSection = page.substring(page.indexOf("Salle Jean-Moulin " + coming));
        assertThat(comingSection.substring(0, comingSection.indexOf("</article>"))).doesNotContain("Son jour est passé");
    }

    /** Found by an outside probe: two establishments of one company were two identical boxes to tick. */
    @Test
    void staffTellDonorsOfOneNameApartWhenInvitingThem() {
        String company = "Crédit Solidaire " + UUID.randomUUID().toString().substring(0, 8);
        var ceremony = new CeremonyId(UUID.randomUUID());
        events.append(new CeremonyScheduled(ceremony, LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(20),
                        "Salle des Castors " + ceremony),
                new DonorRegistered(new DonorId(UUID.randomUUID()), company, DonorKind.COMPANY,
                        new Siret("73282932000074"), "Claire Dubois", "claire@example.org"),
                new DonorRegistered(new DonorId(UUID.randomUUID()), company, DonorKind.COMPANY, null,
                        "Paul Martin", "paul@example.org"),
                new DonorRegistered(new DonorId(UUID.randomUUID()), company + " Ouest", DonorKind.COMPANY, null,
                        "Anne", "anne@example.org"));

        String page = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/ceremonies", String.class),
                html -> html.contains("Salle des Castors " + ceremony) && html.contains(company + " Ouest"));

        assertThat(page).contains(company + " (73282932000074)", company + " (Paul Martin)", company + " Ouest<")
                        .doesNotContain(company + "<");
    }

    @Test
    void answersNotFoundForAnUnknownDonor() {
        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/donors/" + UUID.randomUUID()
                + "/ceremony-invitations", JsonNode.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
