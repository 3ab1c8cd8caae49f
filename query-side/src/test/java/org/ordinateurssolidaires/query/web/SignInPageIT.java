package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page after a refused sign-in: what went wrong said, the username typed kept, only once. */
class SignInPageIT extends QuerySideIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aRefusedSignInKeepsTheUsernameTypedForTheNextTry() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> refused = browser.signIn(TestAccounts.STAFF, "not-" + TestAccounts.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/login?error"));

        String again = browser.get("/login?error").body();
        assertThat(again).contains("Identifiant ou mot de passe incorrect")
                         .contains("value=\"" + TestAccounts.STAFF + "\"")
                         .containsPattern("id=\"password\"[^>]*autofocus");
        assertThat(browser.get("/login?error").body()).as("read once")
                                                      .doesNotContain("value=\"" + TestAccounts.STAFF + "\"");
    }

    /** What is kept is shown as text, never as markup; what no account could be named is not kept. */
    @Test
    void keepsOnlyAUsernameThatCouldBeOne() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        browser.signIn("\"><script>alert(1)</script>", "x");
        assertThat(browser.get("/login?error").body())
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>alert");

        browser.signIn("u".repeat(101), "x");
        assertThat(browser.get("/login?error").body()).doesNotContain("u".repeat(101))
                                                      .containsPattern("id=\"username\"[^>]*autofocus");
    }
}
