package org.ordinateurssolidaires.command.account;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.web.security.Role;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.command.StaffRequests.newPartner;

/**
 * Admins open accounts, give them roles and bind them to a partner or a donor; the holders sign in with them at
 * once, and what they do is recorded under their name and role.
 */
class AccountsApiIT extends CommandSideIntegrationTest {

    private static final String PASSWORD = "a password of one's own";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    Accounts accounts;

    @Test
    void aPartnersAccountRefersHouseholdsForItsOwnPartnerOnly() {
        String partner = newPartner(http, "JOB_CENTRE");
        String otherPartner = newPartner(http, "JOB_CENTRE");
        String username = unique("assistante.sociale");
        assertThat(open(username, Map.of("roles", List.of("PARTNER"), "partnerId", partner)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        TestRestTemplate socialWorker = http.withBasicAuth(username, PASSWORD);

        ResponseEntity<JsonNode> referred = socialWorker.postForEntity("/api/partners/" + partner + "/referrals",
                new HttpEntity<>(referral(), headers()), JsonNode.class);
        ResponseEntity<JsonNode> forAnother = socialWorker.postForEntity("/api/partners/" + otherPartner
                + "/referrals", new HttpEntity<>(referral(), headers()), JsonNode.class);
        Map<String, Object> justified = new HashMap<>(referral());
        justified.put("alreadyEquippedJustification", "the partner says so");
        ResponseEntity<JsonNode> justifiedByThePartner = socialWorker.postForEntity("/api/partners/" + partner
                + "/referrals", new HttpEntity<>(justified, headers()), JsonNode.class);
        // its date is the moment it arrives, whatever the partner says: it need not say one
        Map<String, Object> undated = new HashMap<>(referral());
        undated.remove("submittedAt");
        ResponseEntity<JsonNode> withoutADate = socialWorker.postForEntity("/api/partners/" + partner
                + "/referrals", new HttpEntity<>(undated, headers()), JsonNode.class);
        ResponseEntity<JsonNode> staffsWork = socialWorker.postForEntity("/api/partners", new HttpEntity<>(
                Map.of("name", "Another partner", "kind", "ASSOCIATION"), headers()), JsonNode.class);

        assertThat(referred.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(eventStore.readEvents(referred.getBody().get("referralId").asString()).asStream().toList())
                .singleElement().satisfies(event -> assertThat(event.getMetaData())
                        .containsEntry(EventMetadata.USER_ID, username)
                        .containsEntry(EventMetadata.USER_ROLE, "partner"));
        assertThat(withoutADate.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(forAnother.getStatusCode()).as("another partner's, as if it did not exist")
                                              .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(justifiedByThePartner.getStatusCode()).as("staff's word, not the partner's")
                                                         .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(staffsWork.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(staffsWork.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A partner that stops working with the programme stops reading its households' data: its accounts stop too. */
    @Test
    void aPartnersAccountsStopWithThePartner() {
        String partner = newPartner(http, "JOB_CENTRE");
        String username = unique("conseillere");
        open(username, Map.of("roles", List.of("PARTNER"), "partnerId", partner));
        assertThat(signsIn(username, PASSWORD)).isTrue();

        assertThat(http.postForEntity("/api/partners/" + partner + "/deactivation", new HttpEntity<>(Map.of("reason",
                "left the programme"), headers()), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(signsIn(username, PASSWORD)).isFalse();
        JsonNode account = admin().getForObject("/api/accounts/" + username, JsonNode.class);
        assertThat(account.get("enabled").asBoolean()).isFalse();
        assertThat(account.get("updatedBy").asString()).as("who deactivated the partner")
                                                       .isEqualTo(TestAccounts.STAFF);
        ResponseEntity<JsonNode> reactivated = admin().postForEntity("/api/accounts/" + username + "/reactivation",
                new HttpEntity<>(Map.of(), headers()), JsonNode.class);
        assertThat(reactivated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(reactivated.getBody().get("rule").asString()).isEqualTo("ACCOUNT_OF_AN_ACTIVE_PARTNER");
        ResponseEntity<JsonNode> another = open(unique("conseiller"), Map.of("roles", List.of("PARTNER"),
                "partnerId", partner));
        assertThat(another.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(another.getBody().get("rule").asString()).isEqualTo("ACCOUNT_OF_AN_ACTIVE_PARTNER");
        assertThat(signsIn(username, PASSWORD)).isFalse();
    }

    /** Found by an outside probe: the demo's accounts each named itself as its author, not the seeder. */
    @Test
    void aProgramsAccountNamesTheProgramThatOpenedIt() {
        String username = unique("demo-equipe");
        AccountRequests.AccountAccess staff = new AccountRequests.AccountAccess(List.of(Role.STAFF), null, null);

        accounts.openForAProgram(username, staff, "demo-seeder");
        accounts.openForAProgram(username, staff, "demo-seeder"); // opened again, with a new password, at a restart

        JsonNode opened = admin().getForEntity("/api/accounts/" + username, JsonNode.class).getBody();
        assertThat(opened.get("createdBy").asString()).isEqualTo("demo-seeder");
        assertThat(opened.get("updatedBy").asString()).isEqualTo("demo-seeder");
    }

    @Test
    void onlyAdminsManageAccounts() {
        Map<String, Object> account = Map.of("username", unique("lou"), "password", PASSWORD,
                "access", Map.of("roles", List.of("STAFF")));

        assertThat(http.postForEntity("/api/accounts", new HttpEntity<>(account, headers()), JsonNode.class)
                       .getStatusCode()).as("staff").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(TestAccounts.anonymous(http).postForEntity("/api/accounts", new HttpEntity<>(account, headers()),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(TestAccounts.anonymous(http).getForEntity("/api/accounts", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(admin().getForEntity("/api/accounts/" + TestAccounts.STAFF, JsonNode.class).getBody()
                          .at("/access/roles/0").asString()).isEqualTo("STAFF");
    }

    /**
     * A metrics scraper signs in with an account that reads the metrics and nothing else, rather than with an
     * admin's, which opens and changes accounts. Beside a programme role and admin, as admin is.
     */
    @Test
    void aMonitoringAccountReadsTheMetricsAndNothingElse() {
        String scraper = unique("prometheus");
        assertThat(open(scraper, Map.of("roles", List.of("MONITORING"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        TestRestTemplate scraping = http.withBasicAuth(scraper, PASSWORD);

        ResponseEntity<String> scraped = scraping.getForEntity("/actuator/prometheus", String.class);
        assertThat(scraped.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scraped.getBody()).contains("jvm_memory_used_bytes");
        assertThat(scraping.getForEntity("/api/accounts", JsonNode.class).getStatusCode()).as("the accounts")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scraping.postForEntity("/api/accounts", new HttpEntity<>(Map.of("username", unique("x"), "password",
                PASSWORD, "access", Map.of("roles", List.of("ADMIN"))), headers()), JsonNode.class).getStatusCode())
                .as("an account opened").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scraping.postForEntity("/api/partners", new HttpEntity<>(Map.of("name", "Sonde", "kind",
                "JOB_CENTRE"), headers()), JsonNode.class).getStatusCode()).as("a command of the programme")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).as("staff")
                .isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(open(unique("ops-and-metrics"), Map.of("roles", List.of("MONITORING", "ADMIN", "STAFF")))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertRefused(Map.of("username", unique("two"), "password", PASSWORD, "access",
                Map.of("roles", List.of("MONITORING", "STAFF", "AUDITOR"))), "access.roles");
        // found by an outside probe: a null among the roles failed the rule above (500)
        assertRefused(Map.of("username", unique("none"), "password", PASSWORD, "access",
                Map.of("roles", Arrays.asList("MONITORING", null))), "access.roles[1]");
    }

    @Test
    void refusesAnAccountBrokenInAnyWayNamingTheRule() {
        String partner = newPartner(http, "JOB_CENTRE");
        assertRefused(Map.of("username", "Camille Bernard", "password", "short", "access",
                        Map.of("roles", List.of("STAFF", "AUDITOR"), "partnerId", partner)),
                "username", "password", "access.roles", "access.partnerId");
        assertRefused(Map.of("username", unique("d"), "password", PASSWORD, "access", Map.of("roles", List.of("DONOR"))),
                "access.donorId");
        assertRefused(Map.of("username", unique("e"), "password", "é".repeat(37), "access",
                Map.of("roles", List.of("STAFF"))), "password");
        assertRefused(Map.of("username", unique("f"), "password", PASSWORD, "access", Map.of("roles", List.of())),
                "access.roles");
        assertRefused(Map.of("username", unique("f"), "password", " ".repeat(12), "access",
                Map.of("roles", List.of("STAFF"))), "password");
        // found by an outside probe: a role given twice was taken once, where every other list refuses it
        assertRefused(Map.of("username", unique("f"), "password", PASSWORD, "access",
                Map.of("roles", List.of("STAFF", "STAFF"))), "access.roles");
        // found by an outside probe: a common password, the username, a letter and spaces, six emoji
        String camille = unique("camille.bernard");
        for (String guessable : List.of("password1234", camille, "a           ", "\uD83D\uDD11".repeat(6))) {
            assertRefused(Map.of("username", camille, "password", guessable, "access",
                    Map.of("roles", List.of("STAFF"))), "password");
        }
        ResponseEntity<JsonNode> renewed = admin().exchange("/api/accounts/" + TestAccounts.STAFF + "/password",
                HttpMethod.PUT, new HttpEntity<>(Map.of("password", "password1234"), headers()), JsonNode.class);
        assertThat(renewed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(renewed.getBody().at("/errors/0/message").asString()).startsWith("is too easy to guess");
        // found by an outside probe: a new password made of the username was set, though refused at the opening
        String lea = unique("lea.martin");
        assertThat(open(lea, Map.of("roles", List.of("STAFF"))).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> ownName = admin().exchange("/api/accounts/" + lea + "/password", HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", lea + "2026"), headers()), JsonNode.class);
        assertThat(ownName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ownName.getBody().get("detail").asString()).isEqualTo("invalid fields: password");
        assertThat(ownName.getBody().at("/errors/0/message").asString()).startsWith("is too easy to guess");
        // found by an outside probe: two letters more, and zxcvbn took it for unguessable
        assertThat(admin().exchange("/api/accounts/" + lea + "/password", HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", lea + "2026xx"), headers()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(admin().exchange("/api/accounts/" + lea + "/password", HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", "tulipes " + lea + " rouges au printemps"), headers()),
                JsonNode.class).getStatusCode()).as("the username among other words").isEqualTo(HttpStatus.NO_CONTENT);
        String other = unique("nadia.roux");
        open(other, Map.of("roles", List.of("STAFF")));
        assertThat(admin().exchange("/api/accounts/" + other + "/password", HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", lea + "2026"), headers()), JsonNode.class).getStatusCode())
                .as("the same password for another account").isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(open(unique("g"), Map.of("roles", List.of("PARTNER"), "partnerId", UUID.randomUUID()))
                .getStatusCode()).as("an unknown partner").isEqualTo(HttpStatus.NOT_FOUND);
        String taken = unique("h");
        open(taken, Map.of("roles", List.of("AUDITOR")));
        ResponseEntity<JsonNode> again = open(taken, Map.of("roles", List.of("STAFF")));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("rule").asString()).isEqualTo("ACCOUNT_NAME_TAKEN_ONCE");
        assertThat(admin().getForObject("/api/accounts/" + taken, JsonNode.class).at("/access/roles/0").asString())
                .as("the first account unchanged").isEqualTo("AUDITOR");
    }

    @Test
    void aUsernameSignsInInAnyCaseButOtherwiseOnlyAsItIs() {
        String username = unique("m");
        open(username, Map.of("roles", List.of("STAFF")));

        assertThat(signsIn(username.toUpperCase(Locale.ROOT), PASSWORD)).isTrue();
        assertThat(admin().getForEntity("/api/accounts/" + username.toUpperCase(Locale.ROOT), JsonNode.class)
                          .getStatusCode()).as("named in an admin's address as in a sign-in").isEqualTo(HttpStatus.OK);
        assertThat(signsIn(" " + username, PASSWORD)).isFalse();
        assertThat(signsIn(username + "\t", PASSWORD)).isFalse();
        // Unicode lower-cases the Kelvin sign to k: only ASCII is folded, as usernames are ASCII
        String kelvin = unique("k");
        open(kelvin, Map.of("roles", List.of("STAFF")));
        assertThat(signsIn("\u212A" + kelvin.substring(1), PASSWORD)).isFalse();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void everyRefusedSignInIsLoggedWithTheNameItClaimedMadeHarmless(CapturedOutput log) {
        String username = unique("r");
        open(username, Map.of("roles", List.of("STAFF")));

        assertThat(signsIn(username, "not " + PASSWORD)).isFalse();
        assertThat(signsIn("nobody\nINFO forged line", PASSWORD)).isFalse();
        assertThat(signsIn("\u0430dmin", PASSWORD)).isFalse(); // a Cyrillic а

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(log.getOut())
                .contains("Sign-in refused for \"" + username + "\" from 127.0.0.1: BadCredentialsException")
                .contains("Sign-in refused for \"nobody\\u000AINFO forged line\" from 127.0.0.1")
                .contains("Sign-in refused for \"\\u0430dmin\" from 127.0.0.1")
                .doesNotContain("nobody\nINFO forged line"));
    }

    @Test
    void keepsOnlyASaltedHashOfThePassword() {
        String username = unique("i");
        open(username, Map.of("roles", List.of("AUDITOR")));

        String stored = jdbc.queryForObject("select password_hash from account where username = ?", String.class,
                username);

        assertThat(stored).startsWith("{bcrypt}$2a$").doesNotContain(PASSWORD);
        assertThat(admin().getForObject("/api/accounts/" + username, String.class)).doesNotContain("bcrypt", PASSWORD);
    }

    @Test
    void aDeactivatedAccountNoLongerSignsInAndANewPasswordReplacesTheOld() {
        String username = unique("j");
        open(username, Map.of("roles", List.of("STAFF")));
        String newPassword = "another password, longer";

        assertThat(signsIn(username, PASSWORD)).isTrue();
        post("/api/accounts/" + username + "/deactivation", Map.of());
        assertThat(signsIn(username, PASSWORD)).isFalse();
        // deactivated again by another admin: nothing changes, the row still says who deactivated it, and when
        JsonNode deactivated = admin().getForObject("/api/accounts/" + username, JsonNode.class);
        String anotherAdmin = unique("j");
        open(anotherAdmin, Map.of("roles", List.of("ADMIN")));
        assertThat(http.withBasicAuth(anotherAdmin, PASSWORD).postForEntity("/api/accounts/" + username
                + "/deactivation", new HttpEntity<>(Map.of(), headers()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(admin().getForObject("/api/accounts/" + username, JsonNode.class)).isEqualTo(deactivated);
        post("/api/accounts/" + username + "/reactivation", Map.of());
        assertThat(admin().exchange("/api/accounts/" + username + "/password", HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", newPassword), headers()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(signsIn(username, PASSWORD)).isFalse();
        assertThat(signsIn(username, newPassword)).isTrue();
        JsonNode account = admin().getForObject("/api/accounts/" + username, JsonNode.class);
        assertThat(account.get("updatedBy").asString()).isEqualTo(TestAccounts.ADMIN);
    }

    @Test
    void theProgrammeKeepsAtLeastOneEnabledAdmin() {
        String actingAdmin = unique("k");
        open(actingAdmin, Map.of("roles", List.of("ADMIN")));
        TestRestTemplate acting = http.withBasicAuth(actingAdmin, PASSWORD);
        List<String> otherAdmins = jdbc.queryForList("select username from account where enabled and roles like"
                + " '%admin%' and username <> ?", String.class, actingAdmin);
        try {
            otherAdmins.forEach(other -> assertThat(acting.postForEntity("/api/accounts/" + other + "/deactivation",
                    new HttpEntity<>(Map.of(), headers()), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT));

            ResponseEntity<JsonNode> lastAdminLeaves = acting.postForEntity("/api/accounts/" + actingAdmin
                    + "/deactivation", new HttpEntity<>(Map.of(), headers()), JsonNode.class);
            ResponseEntity<JsonNode> lastAdminStepsDown = acting.exchange("/api/accounts/" + actingAdmin + "/access",
                    HttpMethod.PUT, new HttpEntity<>(Map.of("roles", List.of("STAFF")), headers()), JsonNode.class);

            assertThat(lastAdminLeaves.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(lastAdminLeaves.getBody().get("rule").asString()).isEqualTo("AN_ENABLED_ADMIN_REMAINS");
            assertThat(lastAdminStepsDown.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(signsIn(actingAdmin, PASSWORD)).isTrue();
        } finally {
            otherAdmins.forEach(other -> acting.postForEntity("/api/accounts/" + other + "/reactivation",
                    new HttpEntity<>(Map.of(), headers()), JsonNode.class));
        }
    }

    private ResponseEntity<JsonNode> open(String username, Map<String, ?> access) {
        return admin().postForEntity("/api/accounts", new HttpEntity<>(Map.of("username", username, "password",
                PASSWORD, "access", access), headers()), JsonNode.class);
    }

    private void post(String path, Map<String, ?> body) {
        assertThat(admin().postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void assertRefused(Map<String, ?> account, String... fields) {
        ResponseEntity<JsonNode> refused = admin().postForEntity("/api/accounts", new HttpEntity<>(account, headers()),
                JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(fields);
    }

    /** HTTP Basic in UTF-8, as Spring Security reads it (the template's own would refuse what Latin-1 lacks). */
    private boolean signsIn(String username, String password) {
        HttpHeaders basic = new HttpHeaders();
        basic.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return http.exchange("/api/accounts/nobody", HttpMethod.GET, new HttpEntity<>(basic), JsonNode.class)
                   .getStatusCode() != HttpStatus.UNAUTHORIZED;
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD);
    }

    private static Map<String, Object> referral() {
        return Map.of("criterion", "JOB_SEEKER", "householdSize", 1, "children", 0, "need", "LAPTOP",
                "personalData", Map.of("name", "M. Test"), "submittedAt", "2026-01-05T10:00:00Z");
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
