package org.ordinateurssolidaires.command.web;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.web.testing.IdentityProvider;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.command.StaffRequests.newPartner;

/**
 * In production people sign in with the city's OpenID Connect provider: the API takes its bearer tokens, reads
 * who the caller is, their role and the partner or donor they speak for from the token's claims, and holds them
 * to the same rules as a local account. The provider here is a real one (discovery, signing keys, signed tokens)
 * that the test starts in-process, not a mock of Spring Security.
 */
@DirtiesContext // its context (with the provider) is this class's alone: closed after it, not left running
class SignInWithTokensIT extends CommandSideIntegrationTest {

    @RegisterExtension
    static final IdentityProvider PROVIDER = IdentityProvider.started();

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.configure(registry);
    }

    @Test
    void aStaffMembersTokenSignsInAndNamesTheAuthorOfWhatTheyDo() {
        String token = token(Map.of("preferred_username", "lucie.martin", "roles", List.of("staff")));

        ResponseEntity<JsonNode> registered = withToken(token, HttpMethod.POST, "/api/donors", Map.of("legalName",
                "Conseil départemental", "kind", "PUBLIC_BODY", "contactPerson", "Claire Dubois",
                "contactEmail", "claire@example.org"));

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(eventStore.readEvents(registered.getBody().get("donorId").asString()).asStream().toList())
                .singleElement().satisfies(event -> assertThat(event.getMetaData())
                        .containsEntry(EventMetadata.USER_ID, "lucie.martin")
                        .containsEntry(EventMetadata.USER_ROLE, "staff"));
    }

    @Test
    void aPartnersTokenRefersHouseholdsForItsOwnPartnerOnly() {
        String partner = newPartner(http, "ASSOCIATION");
        String another = newPartner(http, "ASSOCIATION");
        String token = token(Map.of("preferred_username", "as.ccas", "roles", List.of("PARTNER"),
                "partner_id", partner));

        assertThat(withToken(token, HttpMethod.POST, "/api/partners/" + partner + "/referrals", referral())
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(withToken(token, HttpMethod.POST, "/api/partners/" + another + "/referrals", referral())
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(withToken(token, HttpMethod.POST, "/api/partners", Map.of("name", "x", "kind", "ASSOCIATION"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** A provider names people by up to 254 characters (an e-mail address): accounts they open and change say so. */
    @Test
    void anAdminNamedByTheLongestNameAProviderGivesOpensAndChangesAccounts() {
        String admin = "a".repeat(64) + "." + "b".repeat(64) + "." + "c".repeat(60) + "@" + "d".repeat(59) + ".org";
        String token = token(Map.of("preferred_username", admin, "roles", List.of("admin")));
        String username = "acces." + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<JsonNode> opened = withToken(token, HttpMethod.POST, "/api/accounts", Map.of("username",
                username, "password", "quatre chevaux dans un pré", "access", Map.of("roles", List.of("AUDITOR"))));
        ResponseEntity<JsonNode> changed = withToken(token, HttpMethod.PUT, "/api/accounts/" + username + "/access",
                Map.of("roles", List.of("STAFF")));

        assertThat(admin).hasSize(254);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode account = withToken(token, HttpMethod.GET, "/api/accounts/" + username, null).getBody();
        assertThat(account.get("createdBy").asString()).isEqualTo(admin);
        assertThat(account.get("updatedBy").asString()).isEqualTo(admin);
        assertThat(account.at("/access/roles/0").asString()).isEqualTo("STAFF");
    }

    @Test
    void refusesATokenItCannotTrustOrWhoseClaimsBreakTheRules() {
        Map<String, Object> staff = Map.of("preferred_username", "lucie.martin", "roles", List.of("staff"));
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("another issuer", PROVIDER.tokenOfAnotherIssuer(staff));
        refused.put("expired", PROVIDER.expiredToken(staff));
        refused.put("two programme roles", token(Map.of("preferred_username", "x", "roles", List.of("staff",
                "auditor"))));
        refused.put("a partner's without its partner", token(Map.of("preferred_username", "x", "roles",
                List.of("partner"))));
        refused.put("a partner id that is no id", token(Map.of("preferred_username", "x", "roles",
                List.of("partner"), "partner_id", "CCAS")));
        refused.put("a name longer than an e-mail address", token(Map.of("preferred_username", "x".repeat(255),
                "roles", List.of("staff"))));
        refused.put("not a token at all", "not-a-token");

        refused.forEach((why, token) -> {
            ResponseEntity<JsonNode> answer = withToken(token, HttpMethod.GET, "/api/accounts", null);
            assertThat(answer.getStatusCode()).as(why).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(answer.getHeaders().getContentType()).as(why).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as(why)
                    .anyMatch(challenge -> challenge.startsWith("Bearer"))
                    .anyMatch(challenge -> challenge.startsWith("Basic"));
        });
    }

    @Test
    void localAccountsStillSignInAndTheApiDescriptionOffersBothWays() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(api.at("/paths/~1api~1devices/post/security/0").has("basic")).isTrue();
        assertThat(api.at("/paths/~1api~1devices/post/security/1").has("bearer")).isTrue();
        assertThat(http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)
                       .getForEntity("/api/accounts", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<JsonNode> withToken(String token, HttpMethod method, String path, Object body) {
        HttpHeaders headers = headers();
        headers.setBearerAuth(token);
        return TestAccounts.anonymous(http).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private static String token(Map<String, Object> claims) {
        return PROVIDER.token(claims);
    }

    private static Map<String, Object> referral() {
        return Map.of("criterion", "STUDENT", "householdSize", 1, "children", 0, "need", "LAPTOP",
                "personalData", Map.of("name", "Foyer " + UUID.randomUUID()), "submittedAt", "2026-01-05T10:00:00Z");
    }
}
