package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.PdfText;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor on the pages downloads the sealed audit report: the API's address takes HTTP Basic only, and the
 * audit page offered no way to it.
 */
class AuditReportPageIT extends QuerySideIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void theAuditPageOffersTheSealedReport() throws Exception {
        FormBrowser auditor = signedInAuditor("audit.pages");
        String page = auditor.get("/audit").body();
        assertThat(page).contains("Télécharger le rapport d&#39;audit (PDF)");

        HttpResponse<String> report = auditor.post("/audit/rapport.pdf", Map.of("_csrf", FormBrowser.csrf(page)));

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(report.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rapport-d-audit.pdf\"");
        assertThat(report.body()).startsWith("%PDF-");
    }

    @Test
    void theErasurePolicyIsSaidInTheReadersWordsOnThePageAndInTheReport() throws Exception {
        FormBrowser auditor = signedInAuditor("audit.words");
        String page = auditor.get("/audit").body();

        assertThat(page).contains("Mémoire flash amovible",
                        "Effacement simple (clear) — technique : Réécriture — vérification : Complète",
                        "Purge — technique : Effacement par blocs — vérification : au choix")
                .doesNotContain("PURGE/", "CLEAR/OVERWRITE");

        HttpResponse<byte[]> report = auditor.postForBytes("/audit/rapport.pdf",
                Map.of("_csrf", FormBrowser.csrf(page)));
        String text = PdfText.of(report.body()).replaceAll("\\s+", " ");
        assertThat(text).contains("Effacements acceptés",
                        "Disque dur : Purge — technique : au choix — vérification : au choix")
                        .doesNotContain("PURGE/", "HARD_DISK_DRIVE");
    }

    @Test
    void aPartnerIsRefused() throws Exception {
        TestAccounts.open(jdbc, passwords, "audit.partner", "partner", UUID.randomUUID(), null);
        FormBrowser partner = new FormBrowser(port);
        partner.signIn("audit.partner", TestAccounts.PASSWORD);
        String token = FormBrowser.csrf(partner.get("/verification").body());

        assertThat(partner.post("/audit/rapport.pdf", Map.of("_csrf", token)).statusCode()).isEqualTo(403);
    }

    private FormBrowser signedInAuditor(String username) throws Exception {
        TestAccounts.open(jdbc, passwords, username, "auditor", null, null);
        FormBrowser auditor = new FormBrowser(port);
        auditor.signIn(username, TestAccounts.PASSWORD);
        return auditor;
    }
}
