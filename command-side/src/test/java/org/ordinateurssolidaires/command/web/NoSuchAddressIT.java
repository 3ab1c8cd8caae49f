package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/** An address the command side has no operation for is a 404 that says so, not Spring's "No static resource". */
class NoSuchAddressIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void anAddressWithNoOperationIsSaidToBeNone() {
        String device = "/api/devices/" + UUID.randomUUID();
        for (HttpMethod method : new HttpMethod[]{HttpMethod.DELETE, HttpMethod.GET}) {
            ResponseEntity<JsonNode> answer = http.exchange(device, method, new HttpEntity<>(headers()),
                    JsonNode.class);

            assertThat(answer.getStatusCode().value()).as("%s", method).isEqualTo(404);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().get("detail").asString()).isEqualTo("nothing here answers " + method + " "
                    + device);
        }
    }
}
