package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A sign-in form sent with its CSRF token altered is refused 403, as a wrong token is, with no fault. */
@ExtendWith(OutputCaptureExtension.class)
class TamperedCsrfTokenIT extends QuerySideIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                                 .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aTokenThatNoLongerUnmasksIsRefusedWithoutAFault(CapturedOutput log) throws Exception {
        Matcher token = CSRF.matcher(send(HttpRequest.newBuilder(uri()).GET()).body());
        assertThat(token.find()).as("the form's CSRF token").isTrue();

        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + TestAccounts.STAFF + "&password="
                        + URLEncoder.encode(TestAccounts.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + unmaskingToNoText(token.group(1)))));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(log.getOut()).doesNotContain("Decoding failed");
    }

    /** The page's masked token (a random mask, then the token under it) with its second half made to unmask to 0xFF. */
    private static String unmaskingToNoText(String masked) {
        byte[] bytes = Base64.getUrlDecoder().decode(masked);
        int half = bytes.length / 2;
        for (int i = 0; i < half; i++) {
            bytes[half + i] = (byte) (bytes[i] ^ 0xff);
        }
        return Base64.getUrlEncoder().encodeToString(bytes);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return browser.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/login");
    }
}
