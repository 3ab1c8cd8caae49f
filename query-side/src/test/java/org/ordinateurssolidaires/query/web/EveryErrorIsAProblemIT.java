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

    /**
     * Found by an outside probe: an address the servlet container refuses by itself, before any page is drawn, was
     * answered to a browser in the API's English JSON.
     */
    @Test
    void anAddressTheServerRefusesByItselfIsAPageToABrowser() throws IOException {
        for (String address : new String[]{"/appareils/%2F", "/appareils/%00", "/appareils/a%2F..%2Fb"}) {
            RawHttp.Answer page = RawHttp.send(port, "GET", address, Map.of("Accept",
                    "text/html,application/xhtml+xml,*/*;q=0.8"), null);
            assertThat(page.status()).as(address).isEqualTo(400);
            assertThat(page.head()).as(address).containsIgnoringCase("Content-Type: text/html");
            assertThat(page.body()).as(address).contains("<html lang=\"fr\">", "<h1>Demande refusée</h1>",
                    "<a href=\"/\">Retour à l'accueil</a>");

            RawHttp.Answer english = RawHttp.send(port, "GET", address, Map.of("Accept", "text/html",
                    "Accept-Language", "en-GB,en;q=0.9"), null);
            assertThat(english.body()).as(address).contains("<h1>Request refused</h1>");
            // as the pages speak: French to a browser that reads it, and the reader's own choice first
            assertThat(RawHttp.send(port, "GET", address, Map.of("Accept", "text/html", "Accept-Language",
                    "en-GB,en;q=0.9,fr;q=0.5"), null).body()).as(address).contains("<h1>Demande refusée</h1>");
            assertThat(RawHttp.send(port, "GET", address, Map.of("Accept", "text/html", "Cookie", "langue=en"),
                    null).body()).as(address).contains("<h1>Request refused</h1>");

            RawHttp.assertRefusedByTheServer(RawHttp.send(port, "GET", address, Map.of(), null));
            for (String client : new String[]{"*/*", "text/html;q=0.1, application/json", "application/json"}) {
                RawHttp.assertRefusedByTheServer(RawHttp.send(port, "GET", address, Map.of("Accept", client), null));
            }
            RawHttp.assertRefusedByTheServer(RawHttp.send(port, "GET", "/api/devices" + address.substring(9),
                    Map.of("Accept", "text/html"), null)); // the API's addresses answer the API's way
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
