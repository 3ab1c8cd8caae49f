package org.ordinateurssolidaires.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.testing.RawHttp;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error answers that Spring MVC's advice never sees, or could not write, carry a problem too: the actuator's
 * own 404, a 406 to an {@code Accept} header nobody can read, the login form sent without its CSRF token, a change
 * to the API sent from another site's page.
 */
class EveryErrorIsAProblemIT extends QuerySideIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theActuatorsOwnNotFoundIsAProblem() throws IOException {
        assertProblem(RawHttp.send(port, "GET", "/actuator/health/no-such-group", Map.of(), null), 404);
        assertProblem(RawHttp.send(port, "GET", "/actuator/metrics/no.such.metric", Map.of("Authorization",
                basic(TestAccounts.ADMIN)), null), 404);
        RawHttp.Answer head = RawHttp.send(port, "HEAD", "/actuator/health/no-such-group", Map.of(), null);
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.body()).as("a HEAD answer has no body").isEmpty();
    }

    @Test
    void anAcceptHeaderNobodyCanReadGetsAProblem() throws IOException {
        for (String accept : new String[] {"garbage", "text/plain;q=abc", "application/json;charset=ebcdic"}) {
            assertProblem(RawHttp.send(port, "GET", "/api/referrals/" + UUID.randomUUID(), Map.of("Accept", accept,
                    "Authorization", TestAccounts.authorization()), null), 406);
        }
    }

    @Test
    void theLoginFormWithoutItsCsrfTokenSaysSo() throws IOException {
        RawHttp.Answer refused = RawHttp.send(port, "POST", "/login", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Content-Length", "0"), null);

        JsonNode problem = assertProblem(refused, 403);
        assertThat(problem.get("detail").asText()).contains("CSRF token");
    }

    /** A rebuild asked by another site's form, riding on the admin's password the browser remembered. */
    @Test
    void aChangeSentFromAnotherSitesPageIsRefused() throws IOException {
        for (Map.Entry<String, String> elsewhere : Map.of("Sec-Fetch-Site", "cross-site",
                "Origin", "http://evil.example").entrySet()) {
            RawHttp.Answer refused = RawHttp.send(port, "POST", "/api/read-models/rebuild", Map.of("Content-Type",
                    "application/x-www-form-urlencoded", "Content-Length", "0", "Authorization",
                    basic(TestAccounts.ADMIN), elsewhere.getKey(), elsewhere.getValue()), null);

            JsonNode problem = assertProblem(refused, 403);
            assertThat(problem.get("detail").asText()).contains("another site's page");
            assertThat(problem.at("/errors/0/header").asText()).isEqualTo(elsewhere.getKey());
        }
    }

    private static JsonNode assertProblem(RawHttp.Answer answer, int status) throws IOException {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + TestAccounts.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
