package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.web.ProblemDetailsBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/**
 * A small body of many bad elements is not answered with every one of them: 600 KB of empty media made a 20 MB
 * answer. The first are named, and how many more there were.
 */
class ErrorsListedIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aBodyOfThousandsOfBadElementsIsAnsweredWithTheFirstHundred() {
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(Map.of("storageMedia",
                Collections.nCopies(5_000, Map.of())), headers()), JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = refused.getBody();
        assertThat(problem.get("errors")).hasSize(ProblemDetailsBase.ERRORS_LISTED);
        assertThat(problem.get("errorsNotListed").asInt()).as("one at least for each medium")
                                                   .isGreaterThanOrEqualTo(5_000 - ProblemDetailsBase.ERRORS_LISTED);
        assertThat(problem.get("detail").asString()).endsWith(" and " + problem.get("errorsNotListed").asInt()
                                                             + " more");
    }
}
