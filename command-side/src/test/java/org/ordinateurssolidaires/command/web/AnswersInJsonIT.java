package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.STORAGE_REMOVED_BY_THE_DONOR;
import static org.ordinateurssolidaires.command.StaffRequests.donorWithAgreement;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/**
 * A command whose answer the caller cannot read is refused before it is recorded: sent again as it should have
 * been, it is recorded once, not refused as a copy of itself. A type refused with {@code q=0} is refused, as HTTP
 * says; JSON in another charset than UTF-8 cannot be written.
 */
class AnswersInJsonIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aCommandWhoseAnswerTheCallerCannotReadIsNotRecorded() {
        Map<String, Object> reception = reception();

        for (String accept : new String[]{"text/html", "application/xml", "image/png, text/plain;q=0.5",
                "application/json;q=0", "application/xml;q=1, */*;q=0", "application/json;q=0, */*",
                "application/json; charset=ISO-8859-1"}) {
            ResponseEntity<String> refused = http.postForEntity("/api/devices", new HttpEntity<>(reception,
                    accepting(accept)), String.class);
            assertThat(refused.getStatusCode().value()).as(accept).isEqualTo(406);
        }
        for (String accept : new String[]{"application/json", "*/*", "application/*", "text/html, */*;q=0.1",
                "application/json;charset=utf-8", "text/html, application/json;q=0.1"}) {
            ResponseEntity<JsonNode> checked = http.postForEntity("/api/devices", new HttpEntity<>(Map.of(),
                    accepting(accept)), JsonNode.class);
            assertThat(checked.getStatusCode().value()).as(accept + ": let through, to the body's check")
                                                       .isEqualTo(400);
        }
        assertThat(http.postForEntity("/api/devices", new HttpEntity<>(reception, headers()), JsonNode.class)
                       .getStatusCode().value()).as("recorded once, now").isEqualTo(201);
    }

    /** Spring reads any {@code application/*+json} as JSON: a merge patch or an error document is not a command. */
    @Test
    void aBodyOfAnotherJsonTypeIsRefusedAndNotRecorded() {
        Map<String, Object> reception = reception();

        for (String type : new String[]{"application/merge-patch+json", "application/json-patch+json",
                "application/problem+json", "application/vnd.other+json; charset=utf-8"}) {
            HttpHeaders headers = headers();
            headers.set(HttpHeaders.CONTENT_TYPE, type);
            ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(reception, headers),
                    JsonNode.class);
            assertThat(refused.getStatusCode().value()).as(type).isEqualTo(415);
            assertThat(refused.getHeaders().getAccept()).as(type).containsExactly(MediaType.APPLICATION_JSON);
        }
        assertThat(http.postForEntity("/api/devices", new HttpEntity<>(reception, headers()), JsonNode.class)
                       .getStatusCode().value()).as("recorded once, now").isEqualTo(201);
    }

    /** A device's reception under a tag of its own. */
    private Map<String, Object> reception() {
        String tag = "AJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        return Map.of("assetTag", tag,
                "donorId", donorWithAgreement(http), "donationBatchReference", "LIV-2026-05", "category", "LAPTOP",
                "manufacturer", "Lenovo", "model", "ThinkPad T480", "storageMedia", List.of(),
                "storageRemoval", STORAGE_REMOVED_BY_THE_DONOR, "receivedAt", "2026-05-02T09:00:00Z");
    }

    private static HttpHeaders accepting(String accept) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.ACCEPT, accept);
        return headers;
    }
}
