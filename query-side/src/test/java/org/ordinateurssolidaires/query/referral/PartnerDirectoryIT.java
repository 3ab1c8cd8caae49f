package org.ordinateurssolidaires.query.referral;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.referral.PartnerContactAdded;
import org.ordinateurssolidaires.events.referral.PartnerContactRemoved;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The partner directory: organisations, whether they still refer households, and whom to call there. */
class PartnerDirectoryIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void listsPartnersWithTheirCurrentContactPeople() {
        var partner = new PartnerId(UUID.randomUUID());
        UUID nadia = UUID.randomUUID();
        UUID louis = UUID.randomUUID();
        events.append(new PartnerRegistered(partner, "CCAS de Poitiers", PartnerKind.SOCIAL_SERVICES),
                new PartnerContactAdded(partner, nadia, "Nadia Benali", "social worker", "n.benali@example.org", null),
                new PartnerContactAdded(partner, louis, "Louis Martin", "head of service", null, "05 49 00 00 00"),
                new PartnerContactRemoved(partner, louis),
                new PartnerDeactivated(partner, "merged into the CCAS of Grand Poitiers"));

        JsonNode directory = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/partners/" + partner, JsonNode.class),
                body -> body != null && body.has("active") && !body.get("active").asBoolean());

        assertThat(directory.get("name").asString()).isEqualTo("CCAS de Poitiers");
        assertThat(directory.get("deactivationReason").asString()).isEqualTo("merged into the CCAS of Grand Poitiers");
        assertThat(directory.get("contacts")).hasSize(1);
        assertThat(directory.at("/contacts/0/name").asString()).isEqualTo("Nadia Benali");
        assertThat(directory.at("/contacts/0/email").asString()).isEqualTo("n.benali@example.org");
        assertThat(http.getForObject("/api/partners", JsonNode.class).findValuesAsString("partnerId"))
                .contains(partner.toString());
        assertThat(http.getForEntity("/api/partners/" + UUID.randomUUID(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // its referrals, none yet; a partner there is not has none to list
        assertThat(http.getForObject("/api/partners/" + partner + "/referrals", JsonNode.class)).isEmpty();
        ResponseEntity<JsonNode> noPartner = http.getForEntity("/api/partners/" + UUID.randomUUID() + "/referrals",
                JsonNode.class);
        assertThat(noPartner.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noPartner.getBody().get("detail").asString()).startsWith("no partner ");
    }
}
