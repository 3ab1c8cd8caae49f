package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.query.PdfText;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * The auditor's replay through the query side's API, and the chain head a donor's report prints: a donor holding
 * the report can have the history up to it checked later.
 */
class AuditApiIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDonorsReportPrintsAChainHeadThatAnAuditorChecksAgainstTheStore() throws IOException {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId device = newDevice();
        StorageMedium medium = disk("AUDIT-API-1");
        events.append(new DonorRegistered(donor, "Caisse d'Épargne Aquitaine", DonorKind.COMPANY, null, "Léa Petit",
                        "lea@example.org"),
                received(device, "AUDIT-API", donor, DeviceCategory.LAPTOP, medium), sanitised(device, medium));
        long lastStored = jdbc.queryForObject("select max(globalIndex) from domainEventEntry", Long.class);

        JsonNode head = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForObject("/api/donors/" + donor + "/report", JsonNode.class),
                report -> report != null && report.at("/historyChainHead/globalIndex").asLong() >= lastStored)
                              .get("historyChainHead");
        long position = head.get("globalIndex").asLong();
        String link = head.get("link").asString();
        String pdf = PdfText.of(http.getForObject("/api/donors/" + donor + "/report.pdf?lang=en", byte[].class));

        assertThat(link).matches("[0-9a-f]{64}");
        assertThat(pdf.replaceAll("\\s", "")).contains("Historychainheadatposition" + position + ":" + link);
        JsonNode vouched = http.getForObject("/api/audit/verification?position=" + position + "&link=" + link,
                JsonNode.class);
        assertThat(vouched.at("/publishedLink/matches").asBoolean()).isTrue();
        assertThat(vouched.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(
                jdbc.queryForObject("select count(*) from domainEventEntry where globalIndex <= ?", Long.class,
                        lastStored));
        assertThat(vouched.at("/chainHead/globalIndex").asLong()).isGreaterThanOrEqualTo(position);
        JsonNode forged = http.getForObject("/api/audit/verification?position=" + position + "&link="
                + "0".repeat(64), JsonNode.class);
        assertThat(forged.at("/publishedLink/matches").asBoolean()).isFalse();
        assertThat(forged.get("clean").asBoolean()).isFalse();
    }

    @Test
    void refusesHalfAPublishedLinkOrAMalformedOne() {
        ResponseEntity<JsonNode> half = http.getForEntity("/api/audit/verification?position=3", JsonNode.class);
        ResponseEntity<JsonNode> malformed = http.getForEntity("/api/audit/verification?position=3&link=xyz",
                JsonNode.class);

        assertThat(half.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(half.getBody().get("errors").findValuesAsString("parameter")).as("the one missing")
                .containsExactly("link");
        assertThat(half.getBody().at("/errors/0/message").asString()).contains("both its position and its hash");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("errors").findValuesAsString("parameter")).containsExactly("link");
    }

    @Test
    void refusesAPublishedLinkAtAPositionWhereNoEventIsStored() {
        ResponseEntity<JsonNode> nowhere = http.getForEntity("/api/audit/verification?position=999999999&link="
                + "0".repeat(64), JsonNode.class);

        assertThat(nowhere.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nowhere.getBody().get("errors").findValuesAsString("parameter")).containsExactly("position");
        assertThat(nowhere.getBody().at("/errors/0/message").asString())
                .startsWith("no event is stored at position 999999999");
    }

    @Test
    void theAuditReportAsAPdfIsRegisteredLikeEveryIssuedDocument() throws IOException {
        JsonNode asJson = http.getForObject("/api/audit/verification", JsonNode.class);
        byte[] report = http.getForObject("/api/audit/verification.pdf", byte[].class);

        String text = PdfText.of(report);
        assertThat(text).contains("Audit de l'historique des événements")
                        .containsPattern("Tête à la position \\d+")
                        .contains("manquement(s) aux règles d'effacement")
                        .doesNotContain("each sanitisation record names");
        assertThat(text.replaceAll("\\s+", " ")).as("each rule in the reader's language")
                .contains("qu'une fois effacé ou détruit");
        // a section with nothing found says so, where it showed a table's header alone
        assertThat(text.contains("Aucune altération trouvée.")).isEqualTo(asJson.get("tampering").isEmpty());
        assertThat(text.contains("Aucun manquement trouvé.")).isEqualTo(asJson.get("violations").isEmpty());
        assertThat(asJson.get("tampering").isEmpty() || asJson.get("violations").isEmpty())
                .as("the store holds a clean part to say so of").isTrue();
        long headInThePdf = Long.parseLong(text.replaceAll("(?s).*Tête à la position (\\d+).*", "$1"));
        String inEnglish = PdfText.of(http.getForObject("/api/audit/verification.pdf?lang=en", byte[].class))
                                  .replaceAll("\\s+", " ");
        assertThat(inEnglish).contains("Audit of the event history", "erasure rule violation(s)",
                "only once sanitised or destroyed");
        assertThat(inEnglish.contains("No alteration found.")).isEqualTo(asJson.get("tampering").isEmpty());
        // the events checked as each language writes a count ("12 345", "12,345": PdfLayoutTest)
        long events = asJson.get("eventsChecked").asLong();
        assertThat(text.replace(" \u202F", "\u202F"))
                .contains(NumberFormat.getIntegerInstance(Locale.FRENCH).format(events));
        assertThat(inEnglish).contains(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(events));
        assertThat(headInThePdf).isGreaterThanOrEqualTo(asJson.at("/chainHead/globalIndex").asLong());
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        JsonNode verified = http.postForObject("/api/documents/verification", new HttpEntity<>(report, headers),
                JsonNode.class);
        assertThat(verified.get("genuine").asBoolean()).isTrue();
        assertThat(verified.get("kind").asString()).isEqualTo("audit-report");
    }
}
