package org.ordinateurssolidaires.command.account;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/**
 * A browser signs in on the login form (with its CSRF token) and keeps a session; the session ends as soon as an
 * admin deactivates its account, gives it other roles or sets it a new password, not only at the next sign-in; and
 * at its next request when the account's row was changed some other way.
 */
class BrowserSessionIT extends CommandSideIntegrationTest {

    private static final String PASSWORD = "a browser user's password";

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionEndsWhenItsAccountIsDeactivatedOrGivenOtherRoles() throws Exception {
        String deactivated = open();
        FormBrowser browser = signedIn(deactivated, PASSWORD);
        assertThat(get(browser, "/v3/api-docs")).isEqualTo(200);
        admin("/api/accounts/" + deactivated + "/deactivation", null);
        assertThat(get(browser, "/v3/api-docs")).as("signed out").isEqualTo(401);

        String demoted = open();
        FormBrowser another = signedIn(demoted, PASSWORD);
        assertThat(get(another, "/v3/api-docs")).isEqualTo(200);
        asAdmin().put("/api/accounts/" + demoted + "/access",
                new HttpEntity<>(Map.of("roles", List.of("AUDITOR")), headers()));
        assertThat(get(another, "/v3/api-docs")).isEqualTo(401);
    }

    @Test
    void aNewPasswordEndsTheAccountsSessionsAndTheNewOneSignsIn() throws Exception {
        String username = open();
        FormBrowser oneBrowser = signedIn(username, PASSWORD);
        FormBrowser another = signedIn(username, PASSWORD);
        assertThat(get(oneBrowser, "/v3/api-docs")).isEqualTo(200);
        assertThat(sessionsOf(username)).isEqualTo(2);

        asAdmin().put("/api/accounts/" + username + "/password",
                new HttpEntity<>(Map.of("password", "a new password, the old one given away"), headers()));

        assertThat(sessionsOf(username)).isZero();
        assertThat(get(oneBrowser, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(get(another, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(get(signedIn(username, "a new password, the old one given away"), "/v3/api-docs")).isEqualTo(200);
    }

    @Test
    void aDeactivationUndoneBeforeTheNextRequestStillEndsTheSession() throws Exception {
        String username = open();
        FormBrowser browser = signedIn(username, PASSWORD);
        admin("/api/accounts/" + username + "/deactivation", null);
        admin("/api/accounts/" + username + "/reactivation", null);

        assertThat(get(browser, "/v3/api-docs")).as("signed out").isEqualTo(401);
    }

    @Test
    void anAdminEndsAnAccountsSessionsAndLeavesTheAccountAsItIs() throws Exception {
        String username = open();
        FormBrowser oneBrowser = signedIn(username, PASSWORD);
        FormBrowser another = signedIn(username, PASSWORD);
        FormBrowser someoneElse = signedIn(open(), PASSWORD);

        ResponseEntity<JsonNode> ended = asAdmin().exchange("/api/accounts/" + username + "/sessions",
                HttpMethod.DELETE, new HttpEntity<>(headers()), JsonNode.class);

        assertThat(ended.getStatusCode().value()).isEqualTo(204);
        assertThat(get(oneBrowser, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(get(another, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(get(someoneElse, "/v3/api-docs")).as("another account's session").isEqualTo(200);
        assertThat(get(signedIn(username, PASSWORD), "/v3/api-docs")).as("the account as it was").isEqualTo(200);

        ResponseEntity<JsonNode> noOne = asAdmin().exchange("/api/accounts/no-such-account/sessions",
                HttpMethod.DELETE, new HttpEntity<>(headers()), JsonNode.class);
        assertThat(noOne.getStatusCode().value()).isEqualTo(404);
        assertThat(noOne.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aSessionWhoseAccountWasChangedOutsideTheApiEndsAtItsNextRequest() throws Exception {
        String username = open();
        FormBrowser browser = signedIn(username, PASSWORD);
        assertThat(get(browser, "/v3/api-docs")).isEqualTo(200);
        jdbc.update("update account set roles = 'auditor' where username = ?", username); // as an operator's SQL

        assertThat(get(browser, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(sessionsOf(username)).isZero();
    }

    @Test
    void theLoginFormWantsItsCsrfToken() throws Exception {
        String username = open();
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> refused = browser.post("/login", Map.of("username", username, "password", PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(get(browser, "/v3/api-docs")).isEqualTo(401);
    }

    /** As every form's and query's: the first of two usernames was signed in. */
    @Test
    void theLoginFormTakesEachFieldOnce() throws Exception {
        String username = open();
        FormBrowser browser = new FormBrowser(port);

        HttpResponse<String> refused = signIn(browser, "username=" + username + "&username=someone-else");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("the sign-in form's username is given more than once");
        assertThat(get(browser, "/v3/api-docs")).isEqualTo(401);
    }

    /** The form login trims the name it is given: a control character after it would sign its owner in. */
    @Test
    void theLoginFormRefusesAUsernameWithAControlCharacter() throws Exception {
        String username = open();
        for (String sent : List.of(username + "%00%00", username + "%0A", "%1B" + username)) {
            FormBrowser browser = new FormBrowser(port);

            HttpResponse<String> refused = signIn(browser, "username=" + sent);

            assertThat(refused.statusCode()).as(sent).isEqualTo(400);
            assertThat(refused.body()).contains("the sign-in form's username holds a control character");
            assertThat(get(browser, "/v3/api-docs")).as("not signed in").isEqualTo(401);
        }
    }

    /** A person (a tab pasted after the name) goes back to the sign-in page, told it failed, not to a fault. */
    @Test
    void aBrowserWhoseSignInIsRefusedGoesBackToTheSignInPage() throws Exception {
        String username = open();
        for (String sent : List.of(username + "%09", username + "&username=" + username)) {
            FormBrowser browser = new FormBrowser(port);

            HttpResponse<String> refused = signIn(browser, "username=" + sent, "text/html");

            assertThat(refused.statusCode()).as(sent).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location")).as(sent).hasValueSatisfying(to ->
                    assertThat(to).endsWith("/login?error"));
            assertThat(get(browser, "/v3/api-docs")).as("not signed in").isEqualTo(401);
        }
    }

    /** The sign-in form sent with {@code fields} (encoded), the password and the form's CSRF token, asking for JSON. */
    private HttpResponse<String> signIn(FormBrowser browser, String fields) throws Exception {
        return signIn(browser, fields, "application/json");
    }

    private HttpResponse<String> signIn(FormBrowser browser, String fields, String accepted) throws Exception {
        String token = URLEncoder.encode(FormBrowser.csrf(browser.get("/login").body()), StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(browser.uri("/login"))
                .header("Accept", accepted).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token)));
    }

    private String open() {
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        admin("/api/accounts", Map.of("username", username, "password", PASSWORD,
                "access", Map.of("roles", List.of("STAFF"))));
        return username;
    }

    private void admin(String path, Object body) {
        assertThat(asAdmin().postForEntity(path,
                new HttpEntity<>(body, headers()), JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();
    }

    private TestRestTemplate asAdmin() {
        return http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD);
    }

    private int sessionsOf(String username) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                username);
    }

    private FormBrowser signedIn(String username, String password) throws IOException, InterruptedException {
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> signIn = browser.signIn(username, password);
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().allValues("Set-Cookie")).as("the new session's cookie")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly")
                                                        .contains("SameSite=Lax"));
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return browser;
    }

    /** As a script asks: a session that has ended is 401, not a redirect to the form. */
    private static int get(FormBrowser browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(browser.uri(path)).header("Accept", "application/json"))
                      .statusCode();
    }
}
