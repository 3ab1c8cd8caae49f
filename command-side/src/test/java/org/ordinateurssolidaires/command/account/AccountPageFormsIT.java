package org.ordinateurssolidaires.command.account;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts page's forms, sent from a signed-in browser session with its CSRF token: an admin's open an account,
 * anyone else's are refused whatever they send, and a refused password is never kept in the session (which the
 * database stores) to fill the form again.
 */
class AccountPageFormsIT extends CommandSideIntegrationTest {

    private static final String PASSPHRASE = "cheval agrafe batterie correcte";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyAnAdminsFormsChangeAccounts() throws Exception {
        FormBrowser staff = signedIn(TestAccounts.STAFF);
        String username = "lea-" + UUID.randomUUID().toString().substring(0, 8);

        for (String path : List.of("/actions/comptes", "/actions/comptes/" + TestAccounts.ADMIN + "/desactivation",
                "/actions/comptes/" + TestAccounts.ADMIN + "/fin-des-sessions",
                "/actions/comptes/" + TestAccounts.ADMIN + "/mot-de-passe",
                "/actions/comptes/" + TestAccounts.ADMIN + "/acces")) {
            assertThat(staff.post(path, opening(staff, username)).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("select count(*) from account where username = ?", Integer.class, username))
                .isZero();
        assertThat(jdbc.queryForObject("select enabled from account where username = ?", Boolean.class,
                TestAccounts.ADMIN)).isTrue();

        FormBrowser admin = signedIn(TestAccounts.ADMIN);
        HttpResponse<String> opened = admin.post("/actions/comptes", opening(admin, username));

        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/comptes"));
        assertThat(jdbc.queryForObject("select roles from account where username = ?", String.class, username))
                .isEqualTo("staff");
    }

    @Test
    void aRefusedPasswordIsNeverKeptInTheSession() throws Exception {
        FormBrowser admin = signedIn(TestAccounts.ADMIN);
        Map<String, String> form = opening(admin, "Not A Username");
        form.put("password", "Zq8!" + UUID.randomUUID()); // beside a field refused, itself fine

        HttpResponse<String> refused = admin.post("/actions/comptes", form);

        assertThat(refused.headers().firstValue("Location")).as("at the form's refusal")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/comptes#refus-open"));
        List<byte[]> stored = jdbc.queryForList("select attribute_bytes from spring_session_attributes",
                byte[].class);
        assertThat(stored).as("the refusal is in the session").anySatisfy(bytes -> assertThat(
                new String(bytes, StandardCharsets.ISO_8859_1)).contains("Not A Username"));
        assertThat(stored).noneSatisfy(bytes -> assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                .contains(form.get("password")));
    }

    private FormBrowser signedIn(String username) throws Exception {
        FormBrowser browser = new FormBrowser(port);
        assertThat(browser.signIn(username, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    private static Map<String, String> opening(FormBrowser browser, String username) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", FormBrowser.csrf(browser.get("/login").body()));
        form.put("form", "open");
        form.put("page", "/comptes");
        form.put("username", username);
        form.put("password", PASSPHRASE);
        form.put("access.roles", "STAFF");
        return form;
    }
}
