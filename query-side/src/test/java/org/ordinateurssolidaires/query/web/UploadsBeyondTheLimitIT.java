package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document beyond 20 MB sent to the verification page, whose CSRF check reads the form before the page does:
 * a 413 the caller can read, a page or a problem, and a line in the log rather than a fault's stack traces.
 */
@ExtendWith(OutputCaptureExtension.class)
class UploadsBeyondTheLimitIT extends QuerySideIntegrationTest {

    private static final String BOUNDARY = "limite";

    @LocalServerPort
    int port;

    @Test
    void aDocumentBeyondTheLimitIsRefusedWithAPageOrAProblemAndNoFault(CapturedOutput log) throws Exception {
        FormBrowser browser = new FormBrowser(port);
        String token = FormBrowser.csrf(browser.get("/verification").body());
        // just beyond 20 MB: the container stops reading there, and the rest of the body is only a few of its buffers
        byte[] form = form(token, new byte[20 * 1024 * 1024 + 16 * 1024]);

        HttpResponse<String> forAPerson = browser.send(upload(browser, form).header("Accept", "text/html"));
        HttpResponse<String> forAScript = browser.send(upload(browser, form).header("Accept", "application/json"));

        assertThat(forAPerson.statusCode()).isEqualTo(413);
        assertThat(forAPerson.body()).contains("Envoi trop volumineux", "20 Mo par fichier");
        assertThat(forAPerson.headers().firstValue("Content-Security-Policy")).as("a page like every other")
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(forAPerson.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(forAScript.statusCode()).isEqualTo(413);
        assertThat(forAScript.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(forAScript.body()).contains("larger than the server takes (20 MB a file)");
        assertThat(log.getOut()).contains("Refused POST /verification: the upload is larger than the server takes")
                                .doesNotContain("SizeLimitExceededException");
    }

    private static HttpRequest.Builder upload(FormBrowser browser, byte[] form) {
        return HttpRequest.newBuilder(browser.uri("/verification"))
                          .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                          .POST(HttpRequest.BodyPublishers.ofByteArray(form));
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
