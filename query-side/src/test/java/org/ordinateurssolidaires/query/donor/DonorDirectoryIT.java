package org.ordinateurssolidaires.query.donor;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Staff find a donor by its name in the list of every donor, a page at a time. */
class DonorDirectoryIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void listsEveryDonorByLegalNameAPageAtATime() {
        String prefix = "Annuaire " + UUID.randomUUID().toString().substring(0, 6) + " ";
        var second = new DonorId(UUID.randomUUID());
        var first = new DonorId(UUID.randomUUID());
        events.append(new DonorRegistered(second, prefix + "Mutuelle Atlantique", DonorKind.COMPANY, null, "Anne Roy",
                        "a.roy@example.org"),
                new DonorRegistered(first, prefix + "Banque Régionale du Centre-Ouest", DonorKind.COMPANY,
                        new Siret("73282932000074"), "Claire Dubois", "claire@example.org"));

        JsonNode page = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/donors?size=500", JsonNode.class),
                answer -> answer.get("donors").findValuesAsString("donorId")
                                 .containsAll(List.of(first.toString(), second.toString())));

        List<String> names = page.get("donors").findValuesAsString("legalName").stream()
                                 .filter(name -> name.startsWith(prefix)).toList();
        assertThat(names).containsExactly(prefix + "Banque Régionale du Centre-Ouest", prefix + "Mutuelle Atlantique");
        JsonNode bank = page.get("donors").valueStream()
                            .filter(donor -> donor.get("donorId").asString().equals(first.toString())).findFirst()
                            .orElseThrow();
        assertThat(bank.get("siret").asString()).isEqualTo("73282932000074");
        assertThat(bank.get("kind").asString()).isEqualTo("COMPANY");
        assertThat(page.get("totalDonors").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.getForObject("/api/donors?size=1", JsonNode.class).get("donors")).hasSize(1);
        assertThat(http.getForEntity("/api/donors?size=501", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
