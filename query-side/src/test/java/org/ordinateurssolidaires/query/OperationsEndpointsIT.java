package org.ordinateurssolidaires.query;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.web.limits.CostlyAnswers;
import org.ordinateurssolidaires.web.testing.AccessRules;
import org.ordinateurssolidaires.web.testing.ApiDescriptions;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health and readiness, the processors' metrics, and an API description that is current. */
class OperationsEndpointsIT extends QuerySideIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping operations;

    /**
     * The auditor's replay, the PDFs, the erasure register's export and the verification of a copy: one at a time
     * per caller, few at once.
     */
    @Test
    void limitsTheCostlyAnswers() throws Exception {
        for (String costly : List.of("/api/audit/verification", "/api/audit/verification.pdf",
                "/api/donors/" + UUID.randomUUID() + "/report.pdf", "/api/erasure-register.csv",
                "/api/donors/" + UUID.randomUUID() + "/sanitisation-certificate.pdf")) {
            assertThat(operations.getHandler(new MockHttpServletRequest("GET", costly)).getInterceptorList())
                    .as(costly).hasAtLeastOneElementOfType(CostlyAnswers.class);
        }
        // anyone's, holding a copy of up to 20 MB in memory: anonymous callers share one turn
        for (String type : List.of("application/pdf", "multipart/form-data")) {
            MockHttpServletRequest verification = new MockHttpServletRequest("POST", "/api/documents/verification");
            verification.setContentType(type);
            assertThat(operations.getHandler(verification).getInterceptorList()).as(type)
                                 .hasAtLeastOneElementOfType(CostlyAnswers.class);
        }
    }

    /** Signed in with HTTP Basic, except the public operations; linted with Redocly's recommended rules. */
    @Test
    void describesHowToSignInToEachOperation() throws Exception {
        ApiDescriptions.assertSignInDeclaredAndLinted(http.getForObject("/v3/api-docs", String.class), "query-side", "post /api/documents/verification");
    }

    /** Refusals as problems; a parked sequence given up on answers 204, as it does; one at a time, 429. */
    @Test
    void describesWhatEachOperationAnswersAsItAnswers() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        ApiDescriptions.assertRefusalsDescribed(api);
        assertThat(api.at("/paths/~1api~1dead-letters~1{processingGroup}~1{sequenceId}/delete/responses")
                      .propertyNames()).contains("204").doesNotContain("200");
        assertThat(api.at("/paths/~1api~1audit~1verification/get/responses/429/description").asString())
                .isNotEmpty();
    }

    @Test
    void everyOperationStatesWhoMayCallIt() {
        AccessRules.assertEveryOperationStatesWhoMayCallIt(operations, "org.ordinateurssolidaires.query");
    }

    @Test
    void describesTheInventoryAndProvenance() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.get("paths").propertyNames()).contains("/api/devices", "/api/devices/counts",
                "/api/devices/{deviceId}", "/api/devices/{deviceId}/provenance")
                .doesNotContain("/error"); // the container's error page is no operation
        // an answer drawn from a read model says it may be refused while that read model is being rebuilt
        JsonNode counts = api.at("/paths/~1api~1devices~1counts/get/responses");
        assertThat(counts.propertyNames()).contains("200", "503");
        assertThat(counts.at("/503/description").asString()).contains("being rebuilt");
        assertThat(counts.at("/503/content").propertyNames()).containsExactly("application/problem+json");
        assertThat(api.at("/paths/~1api~1read-models~1rebuild/post/responses/503/description").asString())
                .as("a change's own").doesNotContain("drawn from");
        // a read without an entity tag refuses an If-Match naming one; a device's view weighs it against its own
        assertThat(counts.at("/412/description").asString()).contains("has no entity tag");
        assertThat(api.at("/paths/~1api~1devices~1{deviceId}/get/responses/412/description").asString())
                .contains("EntityTagConditions");
    }

    @Test
    void describesTheDeadLetterEndpoints() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.get("paths").propertyNames()).contains("/api/dead-letters",
                "/api/dead-letters/{processingGroup}", "/api/dead-letters/{processingGroup}/retry",
                "/api/dead-letters/{processingGroup}/{sequenceId}");
    }

    /** Every processing group has a dead-letter queue, empty here, and readiness names each one's processor. */
    @Test
    void reportsEveryProcessingGroupInReadinessAndTheDeadLetters() throws Exception {
        List<String> groups = List.of("ceremonies", "donors", "erasure-register", "inventory", "referrals");

        JsonNode readiness = http.getForObject("/actuator/health/readiness", JsonNode.class);
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.at("/components/eventStore/status").asString()).isEqualTo("UP");
        JsonNode readModels = readiness.at("/components/readModels/details");
        assertThat(readModels.propertyNames()).containsExactlyElementsOf(groups);
        groups.forEach(group -> assertThat(readModels.get(group).get("running").asBoolean()).isTrue());
        // each says whether it has taken in every stored event (deploy/run.sh --demo waits for it)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode now = http.getForObject("/actuator/health/readiness", JsonNode.class)
                               .at("/components/readModels/details");
            groups.forEach(group -> assertThat(now.get(group).get("caughtUp").asBoolean()).as(group).isTrue());
        });
        assertThat(http.getForObject("/actuator/health/liveness", JsonNode.class).get("status").asString())
                .isEqualTo("UP");
        // a probe, anonymous, reads the status alone: what is parked and why (a fault's message, ids) is staff's
        JsonNode anonymous = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(anonymous.get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.has("components")).as("details shown to anyone").isFalse();
        JsonNode deadLetters = http.getForObject("/api/dead-letters", JsonNode.class);
        assertThat(deadLetters.findValuesAsString("processingGroup")).containsExactlyElementsOf(groups);
        assertThat(deadLetters.findValuesAsString("letters")).containsOnly("0");
    }

    @Test
    void reportsHealthAndTheInventoryProcessorsMetrics() {
        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asString()).isEqualTo("UP");
        DeviceId device = SampleDevices.newDevice();
        events.append(SampleDevices.received(device, "OP-" + device.toString().substring(0, 8).toUpperCase(),
                new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)
                               .getForObject("/actuator/prometheus", String.class))
                        .contains("eventProcessor_latency{application=\"query-side\",processorName=\"inventory\"}"));
    }

    /** A scraper's account reads the metrics, and neither the read models' state nor the programme's lists. */
    @Test
    void aMonitoringAccountReadsTheMetricsAndNothingElse() {
        TestAccounts.open(jdbc, passwords, "query-scraper", "monitoring", null, null);
        TestRestTemplate scraping = http.withBasicAuth("query-scraper", TestAccounts.PASSWORD);

        assertThat(scraping.getForEntity("/actuator/prometheus", String.class).getBody())
                .contains("read_model_events_behind");
        for (String refused : List.of("/api/read-models", "/api/devices", "/api/erasure-register")) {
            assertThat(scraping.getForEntity(refused, String.class).getStatusCode()).as(refused)
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(scraping.postForEntity("/api/read-models/inventory/rebuild", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * How far each read model is behind the store, from the start (found by an outside probe: Axon's latency appears
     * only once an event comes after a start, and keeps the last one's): nothing behind once every one caught up.
     */
    @Test
    void reportsHowFarEachReadModelIsBehindTheStore() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scraped = http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)
                                 .getForObject("/actuator/prometheus", String.class);
            for (String group : List.of("ceremonies", "donors", "erasure-register", "inventory", "referrals")) {
                assertThat(scraped).containsPattern("read_model_events_behind\\{[^}]*processingGroup=\"" + group
                        + "\"[^}]*} 0\\.0");
            }
        });
    }
}
