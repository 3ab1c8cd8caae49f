package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.IdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser signs in through the city's identity provider (OpenID Connect, authorization code) as well as on the
 * login form: the provider's person gets a session, held to the same rules as a bearer token's; one whose claims
 * break them gets none and is sent back to the login page.
 */
@DirtiesContext // its context (with the provider) is this class's alone: closed after it, not left running
class BrowserSignInWithTheProviderIT extends QuerySideIntegrationTest {

    @RegisterExtension
    static final IdentityProvider PROVIDER = IdentityProvider.started();

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.configure(registry);
        PROVIDER.configureBrowserSignIn(registry);
    }

    @Test
    void theLoginPageOffersTheProviderWhoseStaffMemberGetsASession() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> page = get(browser, uri("/login"));
        assertThat(page.body()).contains("/oauth2/authorization/ville").contains("Ville de Poitiers");
        assertThat(get(browser, uri("/v3/api-docs")).statusCode()).as("not signed in yet").isEqualTo(302);

        PROVIDER.nextSignInAs(Map.of("preferred_username", "lucie.martin", "roles", List.of("staff")));
        HttpResponse<String> end = signIn(browser);

        assertThat(end.uri().getPath()).as("back in the app, not on the login page").isNotEqualTo("/login");
        HttpResponse<String> description = get(browser, uri("/v3/api-docs"));
        assertThat(description.statusCode()).as("the session's").isEqualTo(200);
        assertThat(description.body()).contains("\"openapi\"");
    }

    /** A provider names people by up to 254 characters (an e-mail address): the session is theirs by that name. */
    @Test
    void aPersonNamedByTheLongestNameAProviderGivesGetsASessionUnderIt() throws Exception {
        String name = "l".repeat(64) + "@" + "v".repeat(185) + ".org";
        HttpClient browser = browser();
        get(browser, uri("/v3/api-docs"));

        PROVIDER.nextSignInAs(Map.of("preferred_username", name, "roles", List.of("staff")));
        HttpResponse<String> end = signIn(browser);

        assertThat(name).hasSize(254);
        assertThat(end.uri().getPath()).isNotEqualTo("/login");
        assertThat(get(browser, uri("/v3/api-docs")).statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
                name)).isOne();
    }

    @Test
    void aPersonWhoseClaimsBreakTheRulesGetsNoSession() throws Exception {
        HttpClient browser = browser();
        get(browser, uri("/v3/api-docs"));

        PROVIDER.nextSignInAs(Map.of("preferred_username", "x", "roles", List.of("staff", "auditor")));
        HttpResponse<String> end = signIn(browser);

        assertThat(end.uri().getPath()).isEqualTo("/login");
        assertThat(end.uri().getQuery()).isEqualTo("error");
        assertThat(get(browser, uri("/v3/api-docs")).statusCode()).isEqualTo(302);
    }

    /** Follows the redirects from the provider's link on the login page to where they end. */
    private HttpResponse<String> signIn(HttpClient browser) throws IOException, InterruptedException {
        HttpResponse<String> response = get(browser, uri("/oauth2/authorization/ville"));
        for (int hops = 0; response.statusCode() == 302 && hops < 10; hops++) {
            response = get(browser, response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
        }
        return response;
    }

    private static HttpResponse<String> get(HttpClient browser, URI to) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(to).header("Accept", "text/html,application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                         .build();
    }
}
