package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Found by an outside probe: a browser that was once asked for a password sends it again with a form another site
 * submits, and a command that reads no body took that form's empty one: a page elsewhere deactivated an account (or
 * erased a household's data) in the name of whoever had signed in. Such a request is refused before it runs; the
 * API's own clients, which send no site or this one, are not.
 */
class ChangesFromAnotherSiteIT extends CommandSideIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aChangeSentFromAnotherSitesPageIsRefusedAndNothingIsRecorded() throws Exception {
        String account = newAccount();
        String[][] fromElsewhere = {{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"},
                {"Origin", "http://evil.example"}, {"Origin", "http://127.0.0.1:" + (port + 1)},
                {"Origin", "null"}, {"Origin", "https://127.0.0.1:" + port}, {"Origin", "http://x:99999999999"}};
        for (String[] header : fromElsewhere) {
            HttpResponse<String> refused = deactivate(account, header[0], header[1]);

            assertThat(refused.statusCode()).as("%s: %s", header[0], header[1]).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(refused.body());
            assertThat(problem.get("detail").asString()).contains("another site's page", "nothing was done");
            assertThat(problem.at("/errors/0/header").asString()).isEqualTo(header[0]);
        }
        assertThat(enabled(account)).isTrue();
    }

    /**
     * A read of a household's data is kept on record in the reader's name: an image's address on another site's
     * page, fetched with the credentials the browser keeps, is refused too. A link followed to the API opens it.
     */
    @Test
    void aReadForAnotherSitesPageIsRefusedALinkFollowedIsNot() throws Exception {
        String account = newAccount();
        HttpResponse<String> asAnImage = send(HttpRequest.newBuilder(uri("/api/accounts/" + account))
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "no-cors")
                .header("Sec-Fetch-Dest", "image").GET());
        HttpResponse<String> followed = send(HttpRequest.newBuilder(uri("/api/accounts/" + account))
                .header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Dest", "document").GET());

        assertThat(asAnImage.statusCode()).isEqualTo(403);
        assertThat(followed.statusCode()).isEqualTo(200);
    }

    /** Nothing signed in, nothing done in anyone's name: what anyone may send from anywhere is not refused here. */
    @Test
    void aRequestSignedInWithNothingIsLeftToTheOperationsRules() throws Exception {
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(uri("/api/accounts/ops/deactivation"))
                .header("Sec-Fetch-Site", "cross-site").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aChangeFromThisSiteOrFromNoPageIsTaken() throws Exception {
        assertThat(deactivate(newAccount(), "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(204);
        assertThat(deactivate(newAccount(), "Origin", "http://127.0.0.1:" + port).statusCode()).isEqualTo(204);
        String account = newAccount();
        assertThat(deactivate(account, null, null).statusCode()).isEqualTo(204);
        assertThat(enabled(account)).isFalse();
    }

    private String newAccount() throws Exception {
        String username = "site-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> opened = send(HttpRequest.newBuilder(uri("/api/accounts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + username
                        + "\", \"password\": \"a long enough password for this test\", \"access\": {\"roles\": "
                        + "[\"STAFF\"]}}")));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return username;
    }

    /** As another site's form sends it: urlencoded, empty, with the header that says where it comes from. */
    private HttpResponse<String> deactivate(String account, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/accounts/" + account + "/deactivation"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return send(request);
    }

    private boolean enabled(String account) throws Exception {
        HttpResponse<String> read = send(HttpRequest.newBuilder(uri("/api/accounts/" + account)).GET());
        return new ObjectMapper().readTree(read.body()).get("enabled").asBoolean();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Authorization", TestAccounts.authorization(TestAccounts.ADMIN))
                                  .header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
