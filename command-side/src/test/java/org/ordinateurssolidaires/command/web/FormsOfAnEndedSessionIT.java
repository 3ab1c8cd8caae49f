package org.ordinateurssolidaires.command.web;

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
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's form sent once the session it was drawn in has ended (found by an outside probe: "Accès refusé", blaming
 * the person's role): signed out since, they are sent to sign in again (401, which the query side's relay turns
 * into the sign-in page); signed in again since, in another tab say, the form's page is drawn again, saying why
 * above the form. Nothing is recorded either way, and nothing typed kept: such a request cannot be told from one
 * another site forged.
 */
class FormsOfAnEndedSessionIT extends CommandSideIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFormOfASessionSignedOutSinceAsksToSignInAgain() throws Exception {
        FormBrowser staff = signedIn();
        Map<String, String> partner = partnerForm(staff);
        staff.post("/logout", Map.of("_csrf", partner.get("_csrf")));
        long partners = partnersRegistered();

        HttpResponse<String> answer = staff.post("/actions/partenaires", partner);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(partnersRegistered()).isEqualTo(partners);
    }

    @Test
    void aFormOfAnEarlierSessionIsDrawnAgainSayingWhy() throws Exception {
        FormBrowser staff = signedIn();
        Map<String, String> partner = partnerForm(staff);
        assertThat(staff.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        long partners = partnersRegistered();
        long saidBefore = sessionsHolding("rule.FORM_STALE");

        HttpResponse<String> answer = staff.post("/actions/partenaires", partner);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to)
                .endsWith("/partenaires#refus-partner"));
        assertThat(sessionsHolding("rule.FORM_STALE")).as("said on the page").isEqualTo(saidBefore + 1);
        assertThat(sessionsHolding(partner.get("name"))).as("nothing typed kept").isZero();
        assertThat(partnersRegistered()).isEqualTo(partners);
    }

    private FormBrowser signedIn() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        assertThat(browser.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    /** The partners page's registration form, drawn in the browser's session now. */
    private static Map<String, String> partnerForm(FormBrowser browser) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", FormBrowser.csrf(browser.get("/login").body()));
        form.put("form", "partner");
        form.put("commandId", UUID.randomUUID().toString());
        form.put("page", "/partenaires");
        form.put("name", "Partenaire " + UUID.randomUUID());
        form.put("kind", "SOCIAL_SERVICES");
        return form;
    }

    private long partnersRegistered() {
        return jdbc.queryForObject("select count(*) from domainEventEntry where payloadType like "
                + "'%.PartnerRegistered'", Long.class);
    }

    /** The sessions holding this text: a refusal's flash, said on the page the browser goes to. */
    private long sessionsHolding(String text) {
        return jdbc.queryForList("select attribute_bytes from spring_session_attributes", byte[].class).stream()
                   .filter(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(text)).count();
    }
}
