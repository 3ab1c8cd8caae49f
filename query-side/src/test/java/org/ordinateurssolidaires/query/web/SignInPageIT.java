package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-in page after a refused sign-in: what went wrong said, the username typed kept, only once. */
class SignInPageIT extends QuerySideIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

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

    /**
     * After five wrong passwords for one name from one address, a try before its pause is over is refused unchecked:
     * the page says why, and the API answers 429 with the pause. A name of its own: a real account paused here would
     * keep the other tests, signing in from the same address, out for a second.
     */
    @Test
    void wrongPasswordsForOneAccountPauseTheTriesFromTheirAddress() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn("devinette", "essai " + i).headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/login?error"));
        }

        HttpResponse<String> paused = browser.signIn("devinette", "essai 5");

        assertThat(paused.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/login?pause"));
        assertThat(browser.get("/login?pause").body())
                .contains("Trop de mots de passe erronés pour ce compte depuis cet appareil", "Réessayez dans 1 s")
                .contains("value=\"devinette\"");
        HttpResponse<String> api = browser.send(HttpRequest.newBuilder(browser.uri("/api/devices"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("devinette:essai 6"
                        .getBytes(StandardCharsets.UTF_8))));
        assertThat(api.statusCode()).isEqualTo(429);
        assertThat(api.headers().firstValue("Retry-After")).hasValueSatisfying(seconds -> assertThat(
                Long.parseLong(seconds)).isBetween(1L, 2L));
        assertThat(api.body()).contains("too many refused sign-ins for this account from this address");
    }

    /**
     * Before signing in, a browser is kept by no session: the sign-in form's token, the page it asked for and what a
     * refused try keeps are its own cookies. A caller looping on the sign-in page, or refused over and over, wrote a
     * session row at each request, kept for half an hour. Signed in, it is taken to the page it asked for.
     */
    @Test
    void aBrowserNotSignedInWritesNoSession() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int asked = 0; asked < 2; asked++) { // asked again, still a page's sign-in, not the API's 401
            HttpResponse<String> protectedPage = browser.get("/inventaire?state=READY");
            assertThat(protectedPage.headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
            answers.add(protectedPage);
        }
        answers.add(browser.get("/login"));
        answers.add(browser.signIn(TestAccounts.STAFF, "not-" + TestAccounts.PASSWORD));
        HttpResponse<String> again = browser.get("/login?error");
        answers.add(again);
        assertThat(again.body()).contains("value=\"" + TestAccounts.STAFF + "\"");
        assertThat(answers).flatExtracting(answer -> answer.headers().allValues("Set-Cookie"))
                           .as("no session given").noneMatch(cookie -> cookie.startsWith("SESSION="))
                           .anyMatch(cookie -> cookie.startsWith("JETON-CSRF="));

        HttpResponse<String> signedIn = browser.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD);

        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/inventaire?state=READY"));
        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("SESSION="));
        assertThat(browser.get("/inventaire?state=READY").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
                Integer.class, TestAccounts.STAFF)).isPositive();
    }

    /**
     * What a browser keeps before signing in is read as none when no refusal nor page could have written it: a
     * cookie planted by another site of the domain neither fails the sign-in nor puts its words on the page.
     */
    @Test
    void aPlantedCookieIsReadAsNone() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> planted = browser.send(HttpRequest.newBuilder(browser.uri("/login?pause"))
                .header("Accept", "text/html")
                .header("Cookie", "connexion-attente=-5; connexion-identifiant=%FF%FE"));
        assertThat(planted.statusCode()).isEqualTo(200);
        assertThat(planted.body()).contains("Réessayez dans un instant").doesNotContain("\uFFFD")
                                  .containsPattern("id=\"username\"[^>]*autofocus");

        String lineBreak = Base64.getEncoder().encodeToString("/x\r\nSet-Cookie: a=b".getBytes(StandardCharsets.UTF_8));
        HttpClient plain = HttpClient.newHttpClient(); // its cookies written by hand: the one planted among them
        HttpResponse<String> login = plain.send(HttpRequest.newBuilder(browser.uri("/login"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        String token = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JETON-CSRF="))
                            .findFirst().orElseThrow().split(";", 2)[0];
        HttpResponse<String> signedIn = plain.send(HttpRequest.newBuilder(browser.uri("/login"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", token + "; REDIRECT_URI=" + lineBreak)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + TestAccounts.STAFF + "&password="
                        + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(FormBrowser.csrf(login.body()), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("no line break in a redirection").isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));
    }
}
