package org.ordinateurssolidaires.command.web;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.command.StaffRequests.newPartner;

/**
 * A request sent again under the same Idempotency-Key is recorded once and answered as the first was, though the
 * server adds to its command what the client did not send: a partner's referral is dated on its arrival, so the
 * second attempt's command differs from the first's, where its request does not.
 */
class RetriedRequestsIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    EventStore eventStore;

    @LocalServerPort
    int port;

    @Test
    void aPartnersReferralSentAgainIsRecordedOnceAndAnsweredTheSame() {
        String partner = newPartner(http, "SOCIAL_SERVICES");
        TestRestTemplate partnerClient = http.withBasicAuth(partnerAccount(partner), TestAccounts.PASSWORD);
        HttpHeaders once = headers();
        once.set(CommandOrigin.COMMAND_ID_HEADER, UUID.randomUUID().toString());

        ResponseEntity<JsonNode> first = partnerClient.postForEntity("/api/partners/" + partner + "/referrals",
                new HttpEntity<>(referral("Maryse Fontaine"), once), JsonNode.class);
        ResponseEntity<JsonNode> again = partnerClient.postForEntity("/api/partners/" + partner + "/referrals",
                new HttpEntity<>(referral("Maryse Fontaine"), once), JsonNode.class);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        String referral = first.getBody().get("referralId").asString();
        assertThat(eventStore.readEvents(referral).asStream().count()).isEqualTo(1);

        ResponseEntity<JsonNode> another = partnerClient.postForEntity("/api/partners/" + partner + "/referrals",
                new HttpEntity<>(referral("Jeanne Aubert"), once), JsonNode.class);
        assertThat(another.getStatusCode().value()).as("another household under the same key").isEqualTo(409);
        assertThat(another.getBody().get("detail").asString()).contains(CommandOrigin.COMMAND_ID_HEADER);
        assertThat(another.getBody().get("errors").findValuesAsString("header"))
                .containsExactly(CommandOrigin.COMMAND_ID_HEADER);
    }

    /** The request is compared as read, not byte for byte: a client's library may write its keys in any order. */
    /**
     * A partner's referral is dated as it arrives, to the second, as a client writes a moment: staff accepting it
     * at once, at the same second, are not refused as deciding before it was sent.
     */
    @Test
    void aPartnersReferralIsDatedToTheSecondSoThatADecisionAtOnceFollowsIt() {
        String partner = newPartner(http, "SOCIAL_SERVICES");
        ResponseEntity<JsonNode> sent = http.withBasicAuth(partnerAccount(partner), TestAccounts.PASSWORD)
                .postForEntity("/api/partners/" + partner + "/referrals",
                        new HttpEntity<>(referral("Odile Marchand"), headers()), JsonNode.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String referral = sent.getBody().get("referralId").asString();

        ResponseEntity<JsonNode> accepted = http.postForEntity("/api/referrals/" + referral + "/acceptance",
                new HttpEntity<>(Map.of("at", now.toString()), headers()), JsonNode.class);

        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(204);
    }

    @Test
    void theSameBodyWrittenOtherwiseIsTheSameRequest() {
        String donor = StaffRequests.donorWithAgreement(http);
        HttpHeaders once = headers();
        once.set(CommandOrigin.COMMAND_ID_HEADER, UUID.randomUUID().toString());
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String device = """
                {"assetTag": "RR-%1$s", "donorId": "%2$s", "donationBatchReference": "LIV-RR", "category": "LAPTOP",
                 "manufacturer": "Dell", "model": "Latitude 5490", "serialNumber": "SN-%1$s",
                 "storageMedia": [{"mediaType": "SATA_SSD", "manufacturer": "Samsung", "model": "PM981", "serialNumber": "M-%1$s", "capacityGigabytes": 256}],
                 "receivedAt": "2026-03-02T09:00:00Z"}""".formatted(tag, donor);
        // the keys in another order, on one line: the same JSON object
        String reordered = ("{\"receivedAt\":\"2026-03-02T09:00:00Z\",\"storageMedia\":[{\"capacityGigabytes\":256,"
                + "\"serialNumber\":\"M-%1$s\",\"model\":\"PM981\",\"manufacturer\":\"Samsung\","
                + "\"mediaType\":\"SATA_SSD\"}],"
                + "\"serialNumber\":\"SN-%1$s\",\"model\":\"Latitude 5490\",\"manufacturer\":\"Dell\","
                + "\"category\":\"LAPTOP\",\"donationBatchReference\":\"LIV-RR\",\"donorId\":\"%2$s\","
                + "\"assetTag\":\"RR-%1$s\"}").formatted(tag, donor);

        ResponseEntity<JsonNode> first = http.postForEntity("/api/devices", new HttpEntity<>(device, once),
                JsonNode.class);
        ResponseEntity<JsonNode> again = http.postForEntity("/api/devices", new HttpEntity<>(reordered, once),
                JsonNode.class);

        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
        assertThat(again.getBody()).isEqualTo(first.getBody());
    }

    @Test
    void aPartnersFormSentAgainIsRecordedOnce() throws Exception {
        String partner = newPartner(http, "SOCIAL_SERVICES");
        FormBrowser browser = new FormBrowser(port);
        assertThat(browser.signIn(partnerAccount(partner), TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", FormBrowser.csrf(browser.get("/login").body()));
        form.put("commandId", UUID.randomUUID().toString());
        form.put("page", "/partenaire/orienter");
        form.put("criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER");
        form.put("householdSize", "3");
        form.put("children", "1");
        form.put("need", "LAPTOP");
        form.put("personalData.name", "Lucien Perrin");
        form.put("personalData.phone", "+33 6 12 34 56 78");
        form.put("submittedAt", "2026-03-02T10:15");

        HttpResponse<String> first = browser.post("/actions/orientations", form);
        HttpResponse<String> again = browser.post("/actions/orientations", form); // the browser's back button

        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/partenaire"));
        assertThat(again.headers().firstValue("Location")).as("recorded, not the form again with a refusal")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/partenaire"));
        assertThat(jdbc.queryForObject("select count(*) from processed_command where command_id = ?::uuid",
                Integer.class, form.get("commandId"))).isEqualTo(1);
        assertThat(eventStore.readEvents(UUID.nameUUIDFromBytes(("referral:" + form.get("commandId"))
                .getBytes(StandardCharsets.UTF_8)).toString()).asStream().count()).isEqualTo(1);

        // a form without its command id (no page draws one so) could not be told from itself sent again
        form.remove("commandId");
        long referrals = referralsSubmitted();
        assertThat(browser.post("/actions/orientations", form).statusCode()).isEqualTo(400);
        assertThat(referralsSubmitted()).as("nothing recorded").isEqualTo(referrals);
    }

    private long referralsSubmitted() {
        return jdbc.queryForObject("select count(*) from domainEventEntry where payloadType like '%.ReferralSubmitted'",
                Long.class);
    }

    /**
     * A decision is dated as its form arrives, so each sending of one drawn form carries another moment: sent twice
     * (a double click), it is still the same form, recorded once, and the second sending is no refusal.
     */
    @Test
    void aFormDatedOnArrivalSentTwiceIsRecordedOnce() throws Exception {
        String referral = http.postForObject("/api/partners/" + newPartner(http, "SOCIAL_SERVICES") + "/referrals",
                new HttpEntity<>(referral("Odile Marchand"), headers()), JsonNode.class).get("referralId").asString();
        FormBrowser staff = new FormBrowser(port);
        assertThat(staff.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", FormBrowser.csrf(staff.get("/login").body()));
        form.put("commandId", UUID.randomUUID().toString());
        form.put("page", "/orientations/" + referral); // where a refusal would send the browser back

        HttpResponse<String> first = staff.post("/actions/orientations/" + referral + "/acceptation", form);
        HttpResponse<String> again = staff.post("/actions/orientations/" + referral + "/acceptation", form);

        assertThat(first.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/orientations"));
        assertThat(again.headers().firstValue("Location")).as("recorded, not the form again with a refusal")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/orientations"));
        assertThat(eventStore.readEvents(referral).asStream()
                             .filter(event -> event.getPayload() instanceof ReferralAccepted)).hasSize(1);
    }

    private String partnerAccount(String partner) {
        String username = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.open(jdbc, passwords, username, "partner", UUID.fromString(partner), null);
        return username;
    }

    private static Map<String, Object> referral(String name) {
        return Map.of("criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 4, "children", 2,
                "need", "LAPTOP", "submittedAt", "2026-04-01T10:00:00Z",
                "personalData", Map.of("name", name, "phone", "+33 6 71 42 93 58"));
    }
}
