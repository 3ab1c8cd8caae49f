package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser set to many languages lists them all: Tomcat reads at most ten and threw at the eleventh, a 500 on every
 * page, every API call and the health probe, signed in or not. Read as its ten most preferred
 * ({@code LanguagesPreferredTest} in shared-web).
 */
@ExtendWith(OutputCaptureExtension.class)
class ManyLanguagesIT extends QuerySideIntegrationTest {

    private static final String ELEVEN = "de,es,it,pt,nl,pl,sv,da,fi,nb,cs";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void elevenLanguagesAreReadAsTheTenMostPreferred(CapturedOutput log) throws Exception {
        HttpResponse<String> page = get("/login", "en," + ELEVEN, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("English first, and no French among the ten").contains("<html lang=\"en\"");
        assertThat(get("/actuator/health/readiness", ELEVEN, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/devices", ELEVEN, TestAccounts.authorization()).statusCode()).isEqualTo(200);
        assertThat(get("/login", "en;q=x,,;;=", null).statusCode()).as("a list that cannot be read").isEqualTo(200);
        assertThat(log.getOut()).doesNotContain(" ERROR ", "maximum allowed number of locales");
    }

    /**
     * Found by an outside probe: a browser that reads no French was answered in French all the same. The reader's
     * choice first (?lang=, kept in a cookie), then the browser's languages, French whenever it reads French.
     */
    @Test
    void thePagesSpeakTheBrowsersLanguageFrenchFirst() throws Exception {
        assertThat(get("/login", "en-GB,en;q=0.9", null).body()).contains("<html lang=\"en\"", "Sign in");
        assertThat(get("/login", "en-US,en;q=0.9,fr;q=0.8", null).body()).contains("<html lang=\"fr\"");
        assertThat(get("/login", "de-DE,de;q=0.9", null).body()).contains("<html lang=\"fr\"");
        HttpResponse<String> chosen = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).header("Accept-Language", "en-GB,en;q=0.9").header("Cookie", "langue=fr").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chosen.body()).as("the reader's own choice").contains("<html lang=\"fr\"");
        HttpResponse<String> none = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/login")).header("Accept-Language", "en").header("Cookie", "langue=xx").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(none.body()).as("a cookie of no language the pages speak is none").contains("<html lang=\"en\"");
    }

    private HttpResponse<String> get(String path, String languages, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                 .header("Accept-Language", languages);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
