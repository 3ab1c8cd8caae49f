package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.SampleDevices;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each role reads what belongs to it on the query side, checked by the query side itself: a partner its own
 * referrals with their people's data, a donor its own devices' provenance, an auditor the verification and the
 * erasure register; another's things are not found, another role's operations forbidden, and anonymous callers
 * reach only the document verification and the health probes.
 */
class AccessByRoleIT extends QuerySideIntegrationTest {

    private static final PartnerId PARTNER_A = new PartnerId(UUID.randomUUID());
    private static final PartnerId PARTNER_B = new PartnerId(UUID.randomUUID());
    private static final DonorId DONOR_A = new DonorId(UUID.randomUUID());
    private static final DonorId DONOR_B = new DonorId(UUID.randomUUID());
    private static final ReferralId REFERRAL = new ReferralId(UUID.randomUUID());
    private static final DeviceId DEVICE = SampleDevices.newDevice();
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    TestRestTemplate http;

    /** A referral of partner A's and a device of donor A's, read models caught up; an account of each kind. */
    @BeforeAll
    static void referralAndDeviceOfAs(@Autowired JdbcTemplate jdbc, @Autowired PasswordEncoder passwords,
                                      @Autowired TestRestTemplate http) {
        TestAccounts.open(jdbc, passwords, "partner-a-" + SUFFIX, "partner", PARTNER_A.value(), null);
        TestAccounts.open(jdbc, passwords, "partner-b-" + SUFFIX, "partner", PARTNER_B.value(), null);
        TestAccounts.open(jdbc, passwords, "donor-a-" + SUFFIX, "donor", null, DONOR_A.value());
        TestAccounts.open(jdbc, passwords, "donor-b-" + SUFFIX, "donor", null, DONOR_B.value());
        TestAccounts.open(jdbc, passwords, "auditor-" + SUFFIX, "auditor", null, null);
        String keyId = "referral:" + REFERRAL;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        jdbc.update("insert into personal_data_key (key_id, secret) values (?, ?)", keyId, key);
        events.append(new ReferralSubmitted(REFERRAL, PARTNER_A, "H-ACCESS-1", EligibilityCriterion.STUDENT, 1, 0,
                DeviceCategory.LAPTOP, null, EncryptedPersonalData.seal(keyId, key, new PersonalData("Inès Roux",
                null, null, null, null)), Instant.parse("2026-04-02T10:00:00Z")),
                SampleDevices.received(DEVICE, "ACC-" + SUFFIX, DONOR_A, DeviceCategory.LAPTOP));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForEntity("/api/referrals/" + REFERRAL,
                String.class).getStatusCode().is2xxSuccessful() && http.getForEntity("/api/devices/" + DEVICE,
                String.class).getStatusCode().is2xxSuccessful());
    }

    @Test
    void aPartnerFollowsItsOwnReferralsOnly() {
        TestRestTemplate partnerA = as("partner-a-");
        TestRestTemplate partnerB = as("partner-b-");

        ResponseEntity<JsonNode> own = partnerA.getForEntity("/api/referrals/" + REFERRAL, JsonNode.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody().at("/personalData/name").asString()).isEqualTo("Inès Roux");
        assertThat(status(partnerA, "/api/partners/" + PARTNER_A + "/referrals")).isEqualTo(HttpStatus.OK);

        assertThat(status(partnerB, "/api/referrals/" + REFERRAL)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(partnerB, "/api/partners/" + PARTNER_A + "/referrals")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(partnerB, "/api/partners/" + PARTNER_A)).isEqualTo(HttpStatus.NOT_FOUND);
        for (String staffs : new String[]{"/api/waiting-list", "/api/partners", "/api/devices", "/api/devices/"
                + DEVICE + "/provenance", "/api/audit/verification", "/api/erasure-register", "/api/dead-letters"}) {
            assertThat(status(partnerA, staffs)).as(staffs).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void aDonorFollowsItsOwnDevicesOnly() {
        String provenance = "/api/donors/" + DONOR_A + "/devices/" + DEVICE + "/provenance";

        assertThat(status(as("donor-a-"), provenance)).isEqualTo(HttpStatus.OK);
        assertThat(status(as("donor-b-"), provenance)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(as("donor-b-"), "/api/donors/" + DONOR_A + "/report")).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(as("donor-b-"), "/api/donors/" + DONOR_A + "/report.pdf")).isEqualTo(HttpStatus.NOT_FOUND);
        for (String others : new String[]{"/api/devices/" + DEVICE, "/api/devices/" + DEVICE + "/provenance",
                "/api/referrals/" + REFERRAL, "/api/erasure-register", "/api/waiting-list"}) {
            assertThat(status(as("donor-a-"), others)).as(others).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void anAuditorVerifiesButReadsNoPersonalData() {
        TestRestTemplate auditor = as("auditor-");

        assertThat(status(auditor, "/api/audit/verification")).isEqualTo(HttpStatus.OK);
        assertThat(status(auditor, "/api/erasure-register")).isEqualTo(HttpStatus.OK);
        for (String notAuditors : new String[]{"/api/referrals/" + REFERRAL, "/api/partners/" + PARTNER_A
                + "/referrals", "/api/devices", "/api/donors/" + DONOR_A + "/report", "/api/dead-letters"}) {
            assertThat(status(auditor, notAuditors)).as(notAuditors).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void anonymousCallersReachTheVerificationAndTheHealthProbesOnly() {
        TestRestTemplate anonymous = TestAccounts.anonymous(http);
        HttpHeaders pdf = new HttpHeaders();
        pdf.setContentType(MediaType.APPLICATION_PDF);

        assertThat(anonymous.postForEntity("/api/documents/verification", new HttpEntity<>(new byte[]{1, 2, 3}, pdf),
                JsonNode.class).getBody().get("genuine").asBoolean()).isFalse();
        assertThat(status(anonymous, "/actuator/health/liveness")).isEqualTo(HttpStatus.OK);
        for (String signedInOnly : new String[]{"/api/referrals/" + REFERRAL, "/api/erasure-register",
                "/api/audit/verification", "/api/devices", "/v3/api-docs", "/actuator/prometheus"}) {
            ResponseEntity<JsonNode> refused = anonymous.getForEntity(signedInOnly, JsonNode.class);
            assertThat(refused.getStatusCode()).as(signedInOnly).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private TestRestTemplate as(String account) {
        return http.withBasicAuth(account + SUFFIX, TestAccounts.PASSWORD);
    }

    private static HttpStatus status(TestRestTemplate client, String path) {
        return HttpStatus.valueOf(client.getForEntity(path, String.class).getStatusCode().value());
    }
}
