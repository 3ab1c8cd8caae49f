package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/**
 * A small body of many bad elements costs no more than one: 600 KB of empty media made a 20 MB answer, then, its
 * errors capped, still 4 s of validation. A list longer than its {@code @Size} is refused as it is read, whole.
 */
class ErrorsListedIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aListBeyondItsBoundIsRefusedAsItIsReadNotElementByElement() {
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(Map.of("storageMedia",
                Collections.nCopies(200_000, Map.of())), headers()), JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().get("detail").asString()).isEqualTo("invalid value for field storageMedia");
        assertThat(refused.getBody().get("errors")).hasSize(1);
        assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("storageMedia");
        assertThat(refused.getBody().at("/errors/0/message").asString()).isEqualTo("must hold at most 16 elements");

        ResponseEntity<JsonNode> handOver = http.postForEntity("/api/referrals/00000000-0000-0000-0000-000000000001"
                + "/hand-over", new HttpEntity<>(Map.of("deviceIds", Collections.nCopies(11,
                "00000000-0000-0000-0000-000000000002"), "freeOfChargeAcknowledged", true), headers()), JsonNode.class);
        assertThat(handOver.getBody().at("/errors/0/message").asString()).isEqualTo("must hold at most 10 elements");
        ResponseEntity<JsonNode> withinItsBound = http.postForEntity("/api/devices", new HttpEntity<>(Map.of(
                "storageMedia", List.of(Map.of())), headers()), JsonNode.class);
        assertThat(withinItsBound.getBody().get("errors").findValuesAsString("field"))
                .as("validated as before").contains("storageMedia[0].mediaType", "assetTag");
    }

    /** One device listed twice in a hand-over is a slip, not two devices: refused, naming the list. */
    @Test
    void aDeviceListedTwiceInAHandOverIsRefused() {
        String device = "00000000-0000-4000-8000-000000000002";
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/referrals/00000000-0000-4000-8000-000000000001"
                + "/hand-over", new HttpEntity<>(Map.of("deviceIds", List.of(device, device),
                "freeOfChargeAcknowledged", true, "handedOverAt", "2026-03-05T10:00:00Z"), headers()), JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("deviceIds");
        assertThat(refused.getBody().at("/errors/0/message").asString()).isEqualTo("must only contain unique elements");
    }
}
