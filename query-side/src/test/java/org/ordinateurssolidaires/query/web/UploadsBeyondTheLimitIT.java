package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document beyond 20 MB sent to the verification page, whose CSRF check reads the form before the page does:
 * a 413 the caller can read, a page or a problem, and a line in the log rather than a fault's stack traces.
 */
@ExtendWith(OutputCaptureExtension.class)
class UploadsBeyondTheLimitIT extends QuerySideIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String BOUNDARY = "limite";

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aDocumentBeyondTheLimitIsRefusedWithAPageOrAProblemAndNoFault(CapturedOutput log) throws Exception {
        String page = browser.send(request("/verification").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the form's CSRF token").isTrue();
        // just beyond 20 MB: the container stops reading there, and the rest of the body is only a few of its buffers
        byte[] form = form(token.group(1), new byte[20 * 1024 * 1024 + 16 * 1024]);

        HttpResponse<String> forAPerson = browser.send(request("/verification").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> forAScript = browser.send(request("/verification").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forAPerson.statusCode()).isEqualTo(413);
        assertThat(forAPerson.body()).contains("Envoi trop volumineux", "20 Mo par fichier");
        assertThat(forAPerson.headers().firstValue("Content-Security-Policy")).as("a page like every other")
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(forAPerson.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(forAScript.statusCode()).isEqualTo(413);
        assertThat(forAScript.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(forAScript.body()).contains("larger than the server takes (20 MB a file)");
        assertThat(log.getOut()).contains("Refused an upload beyond the size limit to POST /verification")
                                .doesNotContain("SizeLimitExceededException");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                          .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static byte[] form(String csrf, byte[] document) {
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(document);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
