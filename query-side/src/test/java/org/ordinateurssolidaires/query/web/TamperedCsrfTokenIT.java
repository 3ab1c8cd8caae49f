package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A sign-in form sent with its CSRF token altered is refused 403, as a wrong token is, with no fault. */
@ExtendWith(OutputCaptureExtension.class)
class TamperedCsrfTokenIT extends QuerySideIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aTokenThatNoLongerUnmasksIsRefusedWithoutAFault(CapturedOutput log) throws Exception {
        FormBrowser browser = new FormBrowser(port);
        String token = FormBrowser.csrf(browser.get("/login").body());

        HttpResponse<String> answer = browser.post("/login", Map.of("username", TestAccounts.STAFF,
                "password", TestAccounts.PASSWORD, "_csrf", unmaskingToNoText(token)));

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
}
