package org.ordinateurssolidaires.command.referral;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/**
 * Forgetting a person for real: their name, phone, e-mail and accessibility needs are never anywhere in the
 * database in clear (not even as bytes inside a bytea payload), can be read back while their key exists, and
 * never after it is gone; the events themselves stay, so the audit trail is whole.
 */
class CryptoShreddingIT extends CommandSideIntegrationTest {

    private static final String NAME = "Amandine Vérité-Zyxwq";
    private static final String PHONE = "0699887766";
    private static final String EMAIL = "amandine.zyxwq@example.org";
    private static final String NEEDS = "plage braille Zyxwq (health data)";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    PersonalDataVault vault;

    @Test
    void forgetsAPersonWithoutEditingHistory() {
        String partner = post("/api/partners", Map.of("name", "CCAS de Châtellerault", "kind", "SOCIAL_SERVICES"))
                .getBody().get("partnerId").asString();
        JsonNode submitted = post("/api/partners/" + partner + "/referrals", Map.of(
                "criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 4, "children", 2,
                "need", "LAPTOP", "submittedAt", "2026-04-01T10:00:00Z", "accessibilityNeeds", NEEDS,
                "personalData", Map.of("name", NAME, "phone", PHONE, "email", EMAIL, "address", "3 rue des Écoles")))
                .getBody();
        String referral = submitted.get("referralId").asString();
        assertThat(submitted.get("householdCode").asString()).startsWith("H-");

        assertThat(tablesHoldingInClear()).isEmpty();
        assertThat(vault.open(storedPersonalData(referral)).orElseThrow().name()).isEqualTo(NAME);
        assertThat(vault.open(storedPersonalData(referral)).orElseThrow().accessibilityNeeds()).isEqualTo(NEEDS);
        assertThat(jdbc.queryForObject("select count(*) from household_index where referral_id = ?::uuid",
                Integer.class, referral)).as("e-mail, phone, name with address").isEqualTo(3);

        assertThat(post("/api/referrals/" + referral + "/personal-data/erasure", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(vault.open(storedPersonalData(referral))).isEmpty();
        assertThat(tablesHoldingInClear()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from household_index where referral_id = ?::uuid",
                Integer.class, referral)).as("no keyed hash of the household is left either").isZero();
        assertThat(eventStore.readEvents(referral).asStream().map(event -> event.getPayloadType().getSimpleName()))
                .containsExactly("ReferralSubmitted", "PersonalDataForgotten");
        assertThat(post("/api/referrals/" + referral + "/personal-data/erasure", Map.of()).getBody().get("rule")
                .asString()).isEqualTo("FORGOTTEN_ONCE");
    }

    /**
     * A household referred by two partners is forgotten referral by referral: staff find its other referrals by
     * the identifiers they share, before the first is forgotten and its identifiers with it.
     */
    @Test
    void findsTheHouseholdsOtherReferralsToForgetThemToo() {
        String ccas = post("/api/partners", Map.of("name", "CCAS de Buxerolles", "kind", "SOCIAL_SERVICES"))
                .getBody().get("partnerId").asString();
        String missionLocale = post("/api/partners", Map.of("name", "Mission locale de Buxerolles",
                "kind", "SOCIAL_SERVICES"))
                .getBody().get("partnerId").asString();
        String first = refer(ccas, Map.of("name", "Léonie Quérard-Vbnm", "email", "LEONIE.VBNM@example.org"));
        String again = refer(missionLocale, Map.of("name", "Leonie QUERARD-VBNM", "email", "leonie.vbnm@example.org",
                "phone", "06 12 34 98 76"));
        String byPhoneOnly = refer(ccas, Map.of("name", "Sacha Dupuis-Vbnm", "phone", "+33 6 12 34 98 76"));
        String another = refer(ccas, Map.of("name", "Noé Martin-Vbnm", "email", "noe.vbnm@example.org"));

        assertThat(sameHousehold(first)).containsExactlyInAnyOrder(again);
        assertThat(sameHousehold(again)).as("the e-mail with the first, the phone with the third")
                                        .containsExactlyInAnyOrder(first, byPhoneOnly);
        assertThat(sameHousehold(another)).isEmpty();

        assertThat(post("/api/referrals/" + first + "/personal-data/erasure", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(sameHousehold(again)).as("the forgotten referral's identifiers are gone")
                                        .containsExactly(byPhoneOnly);
        assertThat(sameHousehold(first)).as("a forgotten referral keeps none").isEmpty();

        ResponseEntity<JsonNode> unknown = http.exchange("/api/referrals/" + UUID.randomUUID() + "/same-household",
                HttpMethod.GET, new HttpEntity<>(headers()), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String refer(String partner, Map<String, String> household) {
        ResponseEntity<JsonNode> submitted = post("/api/partners/" + partner + "/referrals", Map.of(
                "criterion", "JOB_SEEKER", "householdSize", 1, "children", 0, "need", "LAPTOP",
                "submittedAt", "2026-04-01T10:00:00Z", "personalData", household));
        assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.CREATED);
        return submitted.getBody().get("referralId").asString();
    }

    private List<String> sameHousehold(String referral) {
        ResponseEntity<JsonNode> answer = http.exchange("/api/referrals/" + referral + "/same-household",
                HttpMethod.GET, new HttpEntity<>(headers()), JsonNode.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody().get("otherReferrals").valueStream().map(JsonNode::asString).toList();
    }

    private EncryptedPersonalData storedPersonalData(String referral) {
        DomainEventMessage<?> submitted = eventStore.readEvents(referral).next();
        return ((ReferralSubmitted) submitted.getPayload()).personalData();
    }

    /** Every table of the database whose rows, as text, show one of the secrets plainly or as hex bytes. */
    private List<String> tablesHoldingInClear() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        return tables.stream().filter(table -> Stream.of(NAME, PHONE, EMAIL, NEEDS).anyMatch(secret -> jdbc.queryForObject(
                "select count(*) from " + table + " t where t::text ilike ? or t::text ilike ?", Long.class,
                "%" + secret + "%", "%" + HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)) + "%") > 0))
                .toList();
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return http.postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class);
    }
}
