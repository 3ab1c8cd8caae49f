package org.ordinateurssolidaires.command;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and client developers rely on: health, Axon's metrics, and an API description that is current. */
class OperationsEndpointsIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void describesEveryCommandWithTheHeadersItReads() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.get("paths").propertyNames()).contains("/api/devices",
                "/api/devices/{deviceId}/media/{mediumId}/sanitisations", "/api/devices/{deviceId}/hand-over",
                "/api/devices/{deviceId}/recycling", "/api/devices/{deviceId}/corrections")
                .doesNotContain("/error"); // the container's error page is no operation
        JsonNode handOver = api.at("/paths/~1api~1devices~1{deviceId}~1hand-over/post/parameters");
        assertThat(handOver.findValuesAsString("name")).contains("deviceId", "X-User-Id", "Idempotency-Key")
                                                     .doesNotContain("origin");
    }

    @Test
    void reportsHealthAndAxonMetrics() {
        // a command for an unknown device still goes through the command bus, which is what is measured
        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asString()).isEqualTo("UP");
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-User-Id", "operator");
        headers.setContentType(MediaType.APPLICATION_JSON);
        http.postForEntity("/api/devices/" + UUID.randomUUID() + "/return", new HttpEntity<>(
                Map.of("reason", "metrics probe", "returnedAt", "2026-03-02T09:00:00Z"), headers), String.class);

        assertThat(http.getForObject("/actuator/prometheus", String.class)).contains("commandBus_");
    }
}
