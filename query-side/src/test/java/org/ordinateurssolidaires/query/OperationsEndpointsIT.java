package org.ordinateurssolidaires.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health, the inventory processor's metrics, and an API description that is current. */
class OperationsEndpointsIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void describesTheInventoryAndProvenance() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.get("paths").fieldNames()).toIterable().contains("/api/devices", "/api/devices/counts",
                "/api/devices/{deviceId}", "/api/devices/{deviceId}/provenance");
    }

    @Test
    void reportsHealthAndTheInventoryProcessorsMetrics() {
        assertThat(http.getForObject("/actuator/health", JsonNode.class).get("status").asText()).isEqualTo("UP");
        DeviceId device = SampleDevices.newDevice();
        events.append(SampleDevices.received(device, "OP-" + device.toString().substring(0, 8).toUpperCase(),
                new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.getForObject("/actuator/prometheus", String.class))
                        .contains("eventProcessor_latency{application=\"query-side\",processorName=\"inventory\"}"));
    }
}
