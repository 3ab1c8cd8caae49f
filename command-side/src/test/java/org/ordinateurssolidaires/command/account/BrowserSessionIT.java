package org.ordinateurssolidaires.command.account;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/**
 * A browser signs in on the login form (with its CSRF token) and keeps a session; the session ends as soon as an
 * admin deactivates its account, gives it other roles or sets it a new password, not only at the next sign-in; and
 * at its next request when the account's row was changed some other way.
 */
class BrowserSessionIT extends CommandSideIntegrationTest {

    private static final String PASSWORD = "a browser user's password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionEndsWhenItsAccountIsDeactivatedOrGivenOtherRoles() throws Exception {
        String deactivated = open();
        HttpClient browser = signedIn(deactivated, PASSWORD);
        assertThat(get(browser, "/v3/api-docs")).isEqualTo(200);
        admin("/api/accounts/" + deactivated + "/deactivation", null);
        assertThat(get(browser, "/v3/api-docs")).as("signed out").isEqualTo(401);

        String demoted = open();
        HttpClient another = signedIn(demoted, PASSWORD);
        assertThat(get(another, "/v3/api-docs")).isEqualTo(200);
        http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD).put("/api/accounts/" + demoted + "/access",
                new HttpEntity<>(Map.of("roles", List.of("AUDITOR")), headers()));
        assertThat(get(another, "/v3/api-docs")).isEqualTo(401);
    }

    @Test
    void aNewPasswordEndsTheAccountsSessionsAndTheNewOneSignsIn() throws Exception {
        String username = open();
        HttpClient oneBrowser = signedIn(username, PASSWORD);
        HttpClient another = signedIn(username, PASSWORD);
        assertThat(get(oneBrowser, "/v3/api-docs")).isEqualTo(200);
        assertThat(sessionsOf(username)).isEqualTo(2);

        http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD).put("/api/accounts/" + username + "/password",
                new HttpEntity<>(Map.of("password", "a new password, the old one given away"), headers()));

        assertThat(sessionsOf(username)).isZero();
        assertThat(get(oneBrowser, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(get(another, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(get(signedIn(username, "a new password, the old one given away"), "/v3/api-docs")).isEqualTo(200);
    }

    @Test
    void aDeactivationUndoneBeforeTheNextRequestStillEndsTheSession() throws Exception {
        String username = open();
        HttpClient browser = signedIn(username, PASSWORD);
        admin("/api/accounts/" + username + "/deactivation", null);
        admin("/api/accounts/" + username + "/reactivation", null);

        assertThat(get(browser, "/v3/api-docs")).as("signed out").isEqualTo(401);
    }

    @Test
    void aSessionWhoseAccountWasChangedOutsideTheApiEndsAtItsNextRequest() throws Exception {
        String username = open();
        HttpClient browser = signedIn(username, PASSWORD);
        assertThat(get(browser, "/v3/api-docs")).isEqualTo(200);
        jdbc.update("update account set roles = 'auditor' where username = ?", username); // as an operator's SQL

        assertThat(get(browser, "/v3/api-docs")).as("signed out").isEqualTo(401);
        assertThat(sessionsOf(username)).isZero();
    }

    @Test
    void theLoginFormWantsItsCsrfToken() throws Exception {
        String username = open();
        HttpClient browser = browser();
        HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, PASSWORD, null))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(get(browser, "/v3/api-docs")).isEqualTo(401);
    }

    private String open() {
        String username = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        admin("/api/accounts", Map.of("username", username, "password", PASSWORD,
                "access", Map.of("roles", List.of("STAFF"))));
        return username;
    }

    private void admin(String path, Object body) {
        assertThat(http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD).postForEntity(path,
                new HttpEntity<>(body, headers()), JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();
    }

    private int sessionsOf(String username) {
        return jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                username);
    }

    private HttpClient signedIn(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = browser();
        String page = browser.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
                             .body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(username, password, token.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().allValues("Set-Cookie")).as("the new session's cookie")
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").contains("HttpOnly")
                                                        .contains("SameSite=Lax"));
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return browser;
    }

    private int get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                         .build();
    }

    private static String form(String username, String password, String csrf) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                      + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return csrf == null ? form : form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
