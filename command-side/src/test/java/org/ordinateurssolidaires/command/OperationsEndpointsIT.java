package org.ordinateurssolidaires.command;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.web.testing.AccessRules;
import org.ordinateurssolidaires.web.testing.ApiDescriptions;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers rely on: health, Axon's metrics, and an API description that is current. */
class OperationsEndpointsIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping operations;

    /** Signed in with HTTP Basic, except the public operations; linted with Redocly's recommended rules. */
    @Test
    void describesHowToSignInToEachOperation() throws Exception {
        ApiDescriptions.assertSignInDeclaredAndLinted(http.getForObject("/v3/api-docs", String.class), "command-side");
    }

    @Test
    void everyOperationStatesWhoMayCallIt() {
        AccessRules.assertEveryOperationStatesWhoMayCallIt(operations, "org.ordinateurssolidaires.command");
    }

    @Test
    void describesEveryCommandWithTheHeadersItReads() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.get("paths").propertyNames()).contains("/api/devices",
                "/api/devices/{deviceId}/media/{mediumId}/sanitisations", "/api/devices/{deviceId}/hand-over",
                "/api/devices/{deviceId}/recycling", "/api/devices/{deviceId}/corrections")
                .doesNotContain("/error"); // the container's error page is no operation
        JsonNode handOver = api.at("/paths/~1api~1devices~1{deviceId}~1hand-over/post/parameters");
        assertThat(handOver.findValuesAsString("name")).contains("deviceId", "Idempotency-Key")
                                                     .doesNotContain("origin", "X-User-Id", "X-User-Role");
    }

    @Test
    void reportsHealthAndAxonMetrics() {
        // a command for an unknown device still goes through the command bus, which is what is measured
        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asString()).isEqualTo("UP");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.postForEntity("/api/devices/" + UUID.randomUUID() + "/return", new HttpEntity<>(
                Map.of("reason", "metrics probe", "returnedAt", "2026-03-02T09:00:00Z"), headers), String.class);

        assertThat(http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)
                       .getForObject("/actuator/prometheus", String.class)).contains("commandBus_");
    }
}
