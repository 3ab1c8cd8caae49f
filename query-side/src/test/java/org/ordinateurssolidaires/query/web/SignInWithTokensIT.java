package org.ordinateurssolidaires.query.web;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.store.personaldata.PersonalKeys;
import org.ordinateurssolidaires.web.testing.IdentityProvider;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side takes the identity provider's bearer tokens by itself, as the command side does: a partner's
 * token reads its own referral with its people's data, never another partner's; an auditor's token, the
 * verification but no personal data.
 */
@DirtiesContext // its context (with the provider) is this class's alone: closed after it, not left running
class SignInWithTokensIT extends QuerySideIntegrationTest {

    @RegisterExtension
    static final IdentityProvider PROVIDER = IdentityProvider.started();

    @Autowired
    TestRestTemplate http;

    @Autowired
    PersonalKeys keys;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.configure(registry);
    }

    @Test
    void eachTokenReadsWhatItsRoleAndBindingAllow() {
        PartnerId partner = new PartnerId(UUID.randomUUID());
        ReferralId referral = new ReferralId(UUID.randomUUID());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keys.store("referral:" + referral, key);
        events.append(new ReferralSubmitted(referral, partner, "H-TOKEN-1", EligibilityCriterion.JOB_SEEKER, 1, 0,
                DeviceCategory.LAPTOP, EncryptedPersonalData.seal("referral:" + referral, key,
                new PersonalData("Jean Petit", null, null, null, null, null)), Instant.parse("2026-04-02T10:00:00Z")));
        String path = "/api/referrals/" + referral;
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity(path, String.class)
                                                               .getStatusCode().is2xxSuccessful());

        String ownPartner = PROVIDER.token(Map.of("preferred_username", "as.ccas", "roles", List.of("partner"),
                "partner_id", partner.toString()));
        String anotherPartner = PROVIDER.token(Map.of("preferred_username", "as.mission-locale", "roles",
                List.of("partner"), "partner_id", UUID.randomUUID().toString()));
        String auditor = PROVIDER.token(Map.of("preferred_username", "cabinet.audit", "roles", List.of("auditor")));

        ResponseEntity<JsonNode> own = get(ownPartner, path);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().at("/personalData/name").asString()).isEqualTo("Jean Petit");
        assertThat(get(anotherPartner, path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(auditor, path).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(auditor, "/api/audit/verification").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(PROVIDER.expiredToken(Map.of("preferred_username", "cabinet.audit", "roles",
                List.of("auditor"))), "/api/audit/verification").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private ResponseEntity<JsonNode> get(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return TestAccounts.anonymous(http).exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }
}
