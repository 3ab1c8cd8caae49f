package org.ordinateurssolidaires.query.referral;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.referral.PersonalDataForgotten;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.SecondReferralJustified;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.store.personaldata.PersonalKeys;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff read one referral with its people's data while their key exists (a real key, in the command side's key
 * table), and each such read is recorded (who, in which role, when); once the key is deleted and the person
 * forgotten, neither the answer nor the read model holds any of it, and the records of the reads stay.
 */
class ReferralPersonalDataIT extends QuerySideIntegrationTest {

    private static final PersonalData PEOPLE = new PersonalData("Maryse Fontaine-Lebrun", "+33 6 71 42 93 58",
            "maryse.fontaine@example.org", "12 rue des Carmes, 86000 Poitiers", "two children at secondary school",
            "a screen reader (partially sighted)");

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalKeys keys;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void showsThePersonalDataWhileItsKeyExistsAndNothingOfItOnceForgotten() {
        var referral = new ReferralId(UUID.randomUUID());
        var partner = new PartnerId(UUID.randomUUID());
        String keyId = "referral:" + referral;
        byte[] key = keyOf(keyId);
        assertThat(HexFormat.of().formatHex(jdbc.queryForObject("select secret from personal_data_key where key_id = ?",
                byte[].class, keyId))).as("kept wrapped, never as it is").doesNotContain(HexFormat.of().formatHex(key));
        EncryptedPersonalData sealed = EncryptedPersonalData.seal(keyId, key, PEOPLE);
        events.append(new ReferralSubmitted(referral, partner, "H-READ-01", EligibilityCriterion.JOB_SEEKER, 2, 0,
                DeviceCategory.LAPTOP, sealed, Instant.parse("2026-04-02T10:00:00Z")),
                new SecondReferralJustified(referral, "the first laptop was stolen"));

        ResponseEntity<JsonNode> answer = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForEntity("/api/referrals/" + referral, JsonNode.class),
                reply -> reply.getStatusCode().is2xxSuccessful()
                        && reply.getBody().hasNonNull("secondReferralJustification"));
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
        JsonNode read = answer.getBody();
        assertThat(read.get("secondReferralJustification").asString()).isEqualTo("the first laptop was stolen");
        assertThat(read.get("partnerId").asString()).isEqualTo(partner.toString());
        assertThat(read.get("householdCode").asString()).isEqualTo("H-READ-01");
        assertThat(read.get("status").asString()).isEqualTo("AWAITING_DECISION");
        JsonNode people = read.get("personalData");
        assertThat(people.get("erased").asBoolean()).isFalse();
        assertThat(people.get("name").asString()).isEqualTo(PEOPLE.name());
        assertThat(people.get("phone").asString()).isEqualTo(PEOPLE.phone());
        assertThat(people.get("notes").asString()).isEqualTo(PEOPLE.notes());
        assertThat(people.get("accessibilityNeeds").asString()).isEqualTo(PEOPLE.accessibilityNeeds());
        assertThat(sealedColumns(referral).get("personal_data_ciphertext")).isEqualTo(sealed.ciphertext());
        assertThat(http.getForObject("/api/partners/" + partner + "/referrals", String.class))
                .contains(referral.toString())
                .doesNotContain(PEOPLE.name(), PEOPLE.phone(), sealed.ciphertext(), sealed.nonce(),
                        "the first laptop was stolen");
        // found by an outside probe: staff's reason to equip the household again told its partner it was equipped
        TestAccounts.open(jdbc, passwords, "ccas.justification", "partner", partner.value(), null);
        TestRestTemplate itsPartner = http.withBasicAuth("ccas.justification", TestAccounts.PASSWORD);
        assertThat(itsPartner.getForObject("/api/referrals/" + referral, JsonNode.class)
                             .hasNonNull("secondReferralJustification")).isFalse();
        assertThat(itsPartner.getForObject("/api/partners/" + partner + "/referrals", String.class))
                .contains(referral.toString()).doesNotContain("the first laptop was stolen");

        jdbc.update("delete from personal_data_key where key_id = ?", keyId);
        events.append(new PersonalDataForgotten(referral, keyId));

        JsonNode erased = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/referrals/" + referral, JsonNode.class),
                body -> body.get("personalData").get("erased").asBoolean());
        assertThat(erased.get("personalData").propertyNames()).containsExactly("erased");
        assertThat(erased.toString()).doesNotContain(PEOPLE.name(), PEOPLE.phone(), PEOPLE.notes(),
                PEOPLE.accessibilityNeeds());
        await().atMost(Duration.ofSeconds(20)).until(
                () -> sealedColumns(referral).get("personal_data").equals("ERASED"));
        assertThat(sealedColumns(referral)).containsEntry("personal_data_key_id", null)
                                           .containsEntry("personal_data_nonce", null)
                                           .containsEntry("personal_data_ciphertext", null);
    }

    @Test
    void recordsEveryReadOfThePersonalDataAndKeepsTheRecordsOnceThePersonIsForgotten() throws Exception {
        var referral = new ReferralId(UUID.randomUUID());
        var partner = new PartnerId(UUID.randomUUID());
        String keyId = "referral:" + referral;
        events.append(new ReferralSubmitted(referral, partner, "H-READ-02", EligibilityCriterion.JOB_SEEKER, 1, 0,
                DeviceCategory.LAPTOP, EncryptedPersonalData.seal(keyId, keyOf(keyId), PEOPLE),
                Instant.parse("2026-04-02T10:00:00Z")));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from referral_record where referral_id = ?", Integer.class, referral.value()) == 1);
        TestAccounts.open(jdbc, passwords, "ccas.lecture", "partner", partner.value(), null);
        String reads = "/api/referrals/" + referral + "/personal-data-reads";
        assertThat(http.getForObject(reads, JsonNode.class)).as("none yet").isEmpty();
        Instant before = Instant.now();

        assertThat(http.getForObject("/api/referrals/" + referral, JsonNode.class).at("/personalData/name")
                       .asString()).isEqualTo(PEOPLE.name());
        assertThat(http.withBasicAuth("ccas.lecture", TestAccounts.PASSWORD)
                       .getForObject("/api/referrals/" + referral, JsonNode.class).at("/personalData/name")
                       .asString()).isEqualTo(PEOPLE.name());

        HttpHeaders xml = new HttpHeaders();
        xml.setAccept(List.of(MediaType.APPLICATION_XML));
        assertThat(http.exchange("/api/referrals/" + referral, HttpMethod.GET, new HttpEntity<>(xml), String.class)
                       .getStatusCode()).as("nothing it could be given").isEqualTo(HttpStatus.NOT_ACCEPTABLE);
        assertThat(http.exchange("/api/referrals/" + referral, HttpMethod.HEAD, null, String.class).getStatusCode())
                .as("no body, so nothing read").isEqualTo(HttpStatus.OK);

        JsonNode recorded = http.getForObject(reads, JsonNode.class);
        assertThat(recorded).as("the two answers that carried the data").hasSize(2);
        assertThat(recorded.findValuesAsString("reader")).containsExactly(TestAccounts.STAFF, "ccas.lecture");
        assertThat(recorded.findValuesAsString("readerRole")).containsExactly("staff", "partner");
        assertThat(http.getForObject("/orientations/" + referral, String.class)).as("the roles in the page's words")
                .contains("<td>Équipe du programme</td>", "<td>Partenaire</td>").doesNotContain("<td>staff</td>");
        assertThat(recorded.findValuesAsString("readAt")).allSatisfy(
                readAt -> assertThat(Instant.parse(readAt)).isBetween(before, Instant.now()));
        assertThat(recorded.toString()).doesNotContain(PEOPLE.name(), "H-READ-02");
        assertThat(http.withBasicAuth("ccas.lecture", TestAccounts.PASSWORD).getForEntity(reads, JsonNode.class)
                       .getStatusCode()).as("staff's record, not the partner's").isEqualTo(HttpStatus.FORBIDDEN);
        // the page's address that showed the data, asked again (history, a bookmark): the page, nothing opened
        HttpResponse<Void> askedAgain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/orientations/" + referral + "/donnees-personnelles"))
                .header(HttpHeaders.AUTHORIZATION, TestAccounts.authorization()).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(askedAgain.statusCode()).isEqualTo(302);
        assertThat(askedAgain.headers().firstValue(HttpHeaders.LOCATION)).hasValueSatisfying(
                location -> assertThat(location).endsWith("/orientations/" + referral));
        assertThat(http.getForObject(reads, JsonNode.class)).as("no read recorded").hasSize(2);

        jdbc.update("delete from personal_data_key where key_id = ?", keyId);
        events.append(new PersonalDataForgotten(referral, keyId));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/api/referrals/" + referral,
                JsonNode.class).at("/personalData/erased").asBoolean());
        assertThat(http.getForObject(reads, JsonNode.class)).as("nothing read once forgotten; the records stay")
                                                           .hasSize(2);
        // found by an outside probe: the pages said nothing of it until the data was asked for, and the household,
        // awaiting a decision, was offered for acceptance like any other
        assertThat(http.getForObject("/orientations/" + referral, String.class))
                .contains("Effacées à la demande du foyer").doesNotContain("Afficher les données personnelles");
        String decisions = http.getForObject("/orientations", String.class);
        String itsDecision = decisions.substring(decisions.indexOf("H-READ-02"));
        assertThat(itsDecision.substring(0, itsDecision.indexOf("</article>")))
                .contains("Ses données personnelles ont été effacées à sa demande", "/refus")
                .as("not offered for acceptance").doesNotContain("/acceptation");
    }

    @Test
    void answersNotFoundForAnUnknownReferral() {
        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/referrals/" + UUID.randomUUID(), JsonNode.class);

        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A new random key for the person, stored as the command side stores it. */
    private byte[] keyOf(String keyId) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keys.store(keyId, key);
        return key;
    }

    private Map<String, Object> sealedColumns(ReferralId referral) {
        return jdbc.queryForMap("select personal_data, personal_data_key_id, personal_data_nonce,"
                + " personal_data_ciphertext from referral_record where referral_id = ?", referral.value());
    }
}
