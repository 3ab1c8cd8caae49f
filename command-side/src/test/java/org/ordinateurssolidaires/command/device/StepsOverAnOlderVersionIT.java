package org.ordinateurssolidaires.command.device;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device page's forms carry the version of the device the page showed (its view's: the sequence of the last step
 * the inventory applied), and an API client may name it in {@code If-Match} (the view's ETag): a step sent from an
 * older version, a form left open in a second tab or by a colleague, is refused rather than recorded over the steps
 * since. Here the version is read from the store, which the view reaches a moment later. A correction's form holds
 * every detail as the page showed them, so the older tab's would put back what the newer one corrected.
 */
class StepsOverAnOlderVersionIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @LocalServerPort
    int port;

    @Test
    void aCorrectionFromATabDrawnBeforeAnotherIsRefusedAndUndoesNothing() throws Exception {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        long drawn = version(device);
        FormBrowser staff = signedIn();
        Map<String, String> firstTab = correction(staff, device, drawn, "ThinkPad T480s", null);
        Map<String, String> secondTab = correction(staff, device, drawn, "ThinkPad T480", "PF-1A2B3C");

        assertThat(staff.post("/actions/appareils/" + device + "/corrections", firstTab).statusCode()).isEqualTo(302);
        long refusalsBefore = refusalsKept();
        HttpResponse<String> stale = staff.post("/actions/appareils/" + device + "/corrections", secondTab);

        assertThat(stale.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/appareils/" + device + "#refus-correct"));
        assertThat(corrections(device)).as("the first tab's correction alone").singleElement()
                .satisfies(corrected -> assertThat(corrected.model()).isEqualTo("ThinkPad T480s"));
        assertThat(refusalsKept()).as("said on the page drawn again").isEqualTo(refusalsBefore + 1);

        // the same form drawn again, at the device's version now, is recorded
        secondTab = correction(staff, device, version(device), "ThinkPad T480s", "PF-1A2B3C");
        assertThat(staff.post("/actions/appareils/" + device + "/corrections", secondTab).statusCode())
                .isEqualTo(302);
        assertThat(corrections(device)).extracting(DeviceDetailsCorrected::serialNumber)
                                       .containsExactly(null, "PF-1A2B3C");
    }

    /** A double click sends the same form twice: the second is answered as the first, not as a stale form. */
    @Test
    void theSameFormSentTwiceIsRecordedOnceAndNotRefused() throws Exception {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        FormBrowser staff = signedIn();
        Map<String, String> form = correction(staff, device, version(device), "ThinkPad T480s", null);
        long refusalsBefore = refusalsKept();

        HttpResponse<String> first = staff.post("/actions/appareils/" + device + "/corrections", form);
        HttpResponse<String> again = staff.post("/actions/appareils/" + device + "/corrections", form);

        assertThat(List.of(first.statusCode(), again.statusCode())).containsExactly(302, 302);
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(corrections(device)).hasSize(1);
        assertThat(refusalsKept()).isEqualTo(refusalsBefore);
    }

    /** A stale form whose step a rule refuses is told the rule: that is what the person has to know. */
    @Test
    void aStaleFormARuleRefusesSaysTheRule() throws Exception {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        FormBrowser staff = signedIn();
        long drawn = version(device);
        staff.post("/actions/appareils/" + device + "/corrections", correction(staff, device, drawn, "ThinkPad T480s", null));
        Map<String, String> giveBack = every(staff, device, drawn, "giveBack");
        giveBack.put("reason", "écran cassé");
        giveBack.put("returnedAt", "2026-06-01T10:00");
        long refusalsBefore = refusalsKept();
        long ruleSaidBefore = sessionsHolding("rule." + DeviceRule.RETURN_AFTER_HAND_OVER.name());

        staff.post("/actions/appareils/" + device + "/retour", giveBack);

        assertThat(refusalsKept()).as("not refused as stale").isEqualTo(refusalsBefore);
        assertThat(sessionsHolding("rule." + DeviceRule.RETURN_AFTER_HAND_OVER.name())).isEqualTo(ruleSaidBefore + 1);
    }

    /** Only a page sends it, and only as a number. */
    @Test
    void aVersionThatIsNoNumberIsRefused() throws Exception {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        FormBrowser staff = signedIn();

        for (String notAVersion : List.of("-1", "1.0", "01", " 2", "99999999999999999999", "deux")) {
            Map<String, String> form = correction(staff, device, 0, "ThinkPad T480s", null);
            form.put("drawnVersion", notAVersion);

            assertThat(staff.post("/actions/appareils/" + device + "/corrections", form).statusCode())
                    .as(notAVersion).isEqualTo(400);
        }
        assertThat(corrections(device)).isEmpty();
    }

    @Test
    void aClientsStepIfMatchingAnOlderVersionIsRefusedWith412() {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        String seen = "\"" + version(device) + "\"";

        assertThat(correct(device, "ThinkPad T480s", seen).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<JsonNode> stale = correct(device, "ThinkPad T480", seen);

        assertThat(stale.getStatusCode().value()).as("%s", stale.getBody()).isEqualTo(412);
        assertThat(stale.getBody().at("/errors/0/header").asString()).isEqualTo("If-Match");
        assertThat(stale.getBody().get("detail").asString()).contains("version " + (version(device) - 1),
                "version is " + version(device));
        assertThat(corrections(device)).extracting(DeviceDetailsCorrected::model).containsExactly("ThinkPad T480s");
        assertThat(correct(device, "ThinkPad T480", "\"" + version(device) + "\"").getStatusCode().value())
                .as("the version now").isEqualTo(204);
        assertThat(correct(device, "ThinkPad T480s", "*").getStatusCode().value()).as("any").isEqualTo(204);
        ResponseEntity<JsonNode> ahead = correct(device, "ThinkPad T480", "\"" + (version(device) + 5) + "\"");
        assertThat(ahead.getStatusCode().value()).isEqualTo(412);
        assertThat(ahead.getBody().get("detail").asString()).startsWith("no version " + (version(device) + 5));
    }

    /**
     * HTTP compares entity tags strongly: a weak one, or one that is no version, never matches. Several are refused,
     * and so is a header that names no entity tag (the version unquoted), as on a read of the device.
     */
    @Test
    void anEntityTagThatIsNoVersionNeverMatchesAndSeveralAreRefused() {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        String now = Long.toString(version(device));

        for (String never : List.of("W/\"" + now + "\"", "\"v" + now + "\"", "\"-1\"", "\"0" + now + "\"",
                "\"99999999999999999999\"", "\"\"")) {
            ResponseEntity<JsonNode> refused = correct(device, "ThinkPad T480s", never);
            assertThat(refused.getStatusCode().value()).as(never).isEqualTo(412);
            assertThat(refused.getBody().at("/errors/0/header").asString()).isEqualTo("If-Match");
        }
        // several tags, as a step changes one version; and what names no tag at all
        for (String badRequest : List.of("\"" + now + "\", \"7\"", now, "\"" + now, "\"" + now + "\"x",
                "*, \"" + now + "\"")) {
            ResponseEntity<JsonNode> refused = correct(device, "ThinkPad T480s", badRequest);
            assertThat(refused.getStatusCode().value()).as(badRequest).isEqualTo(400);
            assertThat(refused.getBody().at("/errors/0/header").asString()).isEqualTo("If-Match");
        }
        assertThat(corrections(device)).isEmpty();
    }

    /**
     * Only a step on one device takes a version: a household's hand-over (of one device or several) acts on the
     * referral too, and no other page's form sends one.
     */
    @Test
    void aVersionIsTakenByAStepOnOneDeviceAlone() throws Exception {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        String now = "\"" + version(device) + "\"";

        ResponseEntity<JsonNode> handOver = http.postForEntity("/api/devices/" + device + "/hand-over",
                new HttpEntity<>(Map.of("freeOfChargeAcknowledged", true), conditional(now)), JsonNode.class);
        assertThat(handOver.getStatusCode().value()).as("%s", handOver.getBody()).isEqualTo(412);
        assertThat(handOver.getBody().get("detail").asString()).contains("takes no entity tag");

        FormBrowser staff = signedIn();
        Map<String, String> partner = every(staff, device, version(device), "partner");
        partner.put("page", "/partenaires");
        partner.put("name", "Partenaire " + UUID.randomUUID());
        partner.put("kind", "SOCIAL_SERVICES");
        long partners = partnersRegistered();
        long refusedBefore = sessionsHolding("form.malformed");

        HttpResponse<String> refused = staff.post("/actions/partenaires", partner);

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/partenaires#refus-partner"));
        // a field the form has not: the form is not the page's, the field not named back (PageForms)
        assertThat(sessionsHolding("form.malformed")).as("a field the form has not").isEqualTo(refusedBefore + 1);
        assertThat(partnersRegistered()).isEqualTo(partners);
        partner.remove("drawnVersion");
        partner.put("commandId", UUID.randomUUID().toString());
        staff.post("/actions/partenaires", partner);
        assertThat(partnersRegistered()).as("the same form without it").isEqualTo(partners + 1);
    }

    private long partnersRegistered() {
        return jdbc.queryForObject("select count(*) from domainEventEntry where payloadType like "
                + "'%.PartnerRegistered'", Long.class);
    }

    /** As a page's: the rule first, and a request sent again under its key answered as the first. */
    @Test
    void aClientsStaleStepARuleRefusesSaysTheRuleAndARetryIsAnsweredAsTheFirst() {
        String device = StaffRequests.readyLaptop(http, StaffRequests.donorWithAgreement(http));
        String seen = "\"" + version(device) + "\"";
        HttpHeaders once = conditional(seen);
        once.set("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, String> correction = Map.of("model", "ThinkPad T480s", "reason", "typo");

        assertThat(http.postForEntity("/api/devices/" + device + "/corrections", new HttpEntity<>(correction, once),
                JsonNode.class).getStatusCode().value()).isEqualTo(204);
        assertThat(http.postForEntity("/api/devices/" + device + "/corrections", new HttpEntity<>(correction, once),
                JsonNode.class).getStatusCode().value()).as("sent again").isEqualTo(204);
        ResponseEntity<JsonNode> giveBack = http.postForEntity("/api/devices/" + device + "/return",
                new HttpEntity<>(Map.of("reason", "écran cassé", "returnedAt", "2026-06-01T10:00:00Z"),
                        conditional(seen)), JsonNode.class);

        assertThat(giveBack.getStatusCode().value()).isEqualTo(409);
        assertThat(giveBack.getBody().get("rule").asString()).isEqualTo(DeviceRule.RETURN_AFTER_HAND_OVER.name());
        assertThat(corrections(device)).hasSize(1);
    }

    private ResponseEntity<JsonNode> correct(String device, String model, String ifMatch) {
        return http.postForEntity("/api/devices/" + device + "/corrections",
                new HttpEntity<>(Map.of("model", model, "reason", "typo"), conditional(ifMatch)), JsonNode.class);
    }

    private static HttpHeaders conditional(String ifMatch) {
        HttpHeaders headers = StaffRequests.headers();
        headers.set(HttpHeaders.IF_MATCH, ifMatch);
        return headers;
    }

    private FormBrowser signedIn() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        assertThat(browser.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private long version(String device) {
        return eventStore.lastSequenceNumberFor(device).orElseThrow();
    }

    /** The correction form as the device page draws it: every detail filled as the page showed it. */
    private static Map<String, String> correction(FormBrowser browser, String device, long drawn, String model,
                                                  String serial) throws Exception {
        Map<String, String> form = every(browser, device, drawn, "correct");
        form.put("category", "LAPTOP");
        form.put("manufacturer", "Lenovo");
        form.put("model", model);
        if (serial != null) {
            form.put("serialNumber", serial);
        }
        form.put("reason", "saisie à la réception");
        return form;
    }

    private static Map<String, String> every(FormBrowser browser, String device, long drawn, String name)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", FormBrowser.csrf(browser.get("/login").body()));
        form.put("form", name);
        form.put("commandId", UUID.randomUUID().toString());
        form.put("page", "/appareils/" + device);
        form.put("drawnVersion", Long.toString(drawn));
        return form;
    }

    private List<DeviceDetailsCorrected> corrections(String device) {
        return eventStore.readEvents(device).asStream().map(DomainEventMessage::getPayload)
                         .filter(DeviceDetailsCorrected.class::isInstance).map(DeviceDetailsCorrected.class::cast)
                         .toList();
    }

    private long refusalsKept() {
        return sessionsHolding("rule.CHANGED_SINCE_DRAWN");
    }

    /** The sessions whose flash holds a refusal with this code: said on the page the browser goes to. */
    private long sessionsHolding(String code) {
        return jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class).stream()
                   .filter(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(code)).count();
    }
}
