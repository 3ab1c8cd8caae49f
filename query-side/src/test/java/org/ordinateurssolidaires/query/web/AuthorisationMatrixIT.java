package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.AgreementCommitments;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.SampleDevices;
import org.ordinateurssolidaires.store.personaldata.PersonalKeys;
import org.ordinateurssolidaires.web.testing.AccessMatrix;
import org.ordinateurssolidaires.web.testing.AccessMatrix.Caller;
import org.ordinateurssolidaires.web.testing.AccessMatrix.Rule;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.web.security.Role.ADMIN;
import static org.ordinateurssolidaires.web.security.Role.AUDITOR;
import static org.ordinateurssolidaires.web.security.Role.DONOR;
import static org.ordinateurssolidaires.web.security.Role.PARTNER;
import static org.ordinateurssolidaires.web.security.Role.STAFF;
import static org.ordinateurssolidaires.web.testing.AccessMatrix.Owner.DONOR_A;
import static org.ordinateurssolidaires.web.testing.AccessMatrix.Owner.PARTNER_A;
import static org.ordinateurssolidaires.web.testing.AccessMatrix.Rule.rule;

/**
 * Every operation of the query side's API description × anonymous, admin, staff, partner A and B, donor A and B,
 * auditor: the answer each gets (see {@link AccessMatrix}). The requests name partner A's referral, donor A's
 * report and device, all known to the read models, so that an allowed caller's answer is the operation's own.
 */
class AuthorisationMatrixIT extends QuerySideIntegrationTest {

    /** The query side's rules, one per operation, as docs/security.md states them. */
    private List<Rule> rules() {
        return List.of(
                rule("GET /api/waiting-list", 200, STAFF),
                rule("GET /api/partners", 200, STAFF),
                rule("GET /api/partners/{partnerId}", 200, STAFF, PARTNER).ownedBy(PARTNER_A),
                rule("GET /api/partners/{partnerId}/referrals", 200, STAFF, PARTNER).ownedBy(PARTNER_A),
                rule("GET /api/referrals/{referralId}", 200, STAFF, PARTNER).ownedBy(PARTNER_A),
                rule("GET /api/referrals/{referralId}/personal-data-reads", 200, STAFF),
                rule("GET /api/devices", 200, STAFF),
                rule("GET /api/devices/counts", 200, STAFF),
                rule("GET /api/devices/{deviceId}", 200, STAFF),
                rule("GET /api/devices/{deviceId}/provenance", 200, STAFF),
                // the device still awaits its erasure: no household is proposed for it yet
                rule("GET /api/devices/{deviceId}/proposed-referral", 409, STAFF),
                rule("GET /api/donors", 200, STAFF),
                rule("GET /api/ceremonies", 200, STAFF),
                rule("GET /api/donors/{donorId}/report", 200, STAFF, DONOR).ownedBy(DONOR_A),
                rule("GET /api/donors/{donorId}/report.csv", 200, STAFF, DONOR).ownedBy(DONOR_A),
                rule("GET /api/donors/{donorId}/report.pdf", 200, STAFF, DONOR).ownedBy(DONOR_A),
                rule("GET /api/donors/{donorId}/sanitisation-certificate.pdf", 200, STAFF, DONOR).ownedBy(DONOR_A),
                rule("GET /api/donors/{donorId}/agreements/{agreementId}/report", 200, STAFF, DONOR).ownedBy(DONOR_A),
                rule("GET /api/donors/{donorId}/devices/{deviceId}/provenance", 200, STAFF, DONOR).ownedBy(DONOR_A),
                rule("GET /api/donors/{donorId}/ceremony-invitations", 200, STAFF, DONOR).ownedBy(DONOR_A),
                rule("GET /api/erasure-register", 200, STAFF, AUDITOR),
                rule("GET /api/erasure-register.csv", 200, STAFF, AUDITOR),
                rule("GET /api/audit/verification", 200, STAFF, AUDITOR),
                rule("GET /api/audit/verification.pdf", 200, STAFF, AUDITOR),
                rule("GET /api/dead-letters", 200, STAFF),
                rule("GET /api/dead-letters/{processingGroup}", 200, STAFF),
                rule("POST /api/dead-letters/{processingGroup}/retry", 200, STAFF),
                // nothing of that sequence is parked
                rule("DELETE /api/dead-letters/{processingGroup}/{sequenceId}", 404, STAFF),
                rule("GET /api/read-models", 200, ADMIN),
                rule("GET /api/read-models/{name}", 200, ADMIN),
                // the ceremonies' read model: the rules before it read it, and this small store is replayed at once
                rule("POST /api/read-models/{name}/rebuild", 202, ADMIN),
                // once the ceremonies' pass is over: every read model is refused while one is rebuilt
                rule("POST /api/read-models/rebuild", 202, ADMIN).after(this::noReadModelRebuilt),
                // anyone, signed in or not: a copy that is not one of ours is answered, not refused
                rule("POST /api/documents/verification", 200)
                        .sending(MediaType.APPLICATION_PDF, "%PDF-1.4 not one of ours".getBytes()));
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    PersonalKeys keys;

    @Test
    void everyCallerGetsTheAnswerItsRoleGives() {
        PartnerId partnerA = new PartnerId(UUID.randomUUID());
        PartnerId partnerB = new PartnerId(UUID.randomUUID());
        DonorId donorA = new DonorId(UUID.randomUUID());
        DonorId donorB = new DonorId(UUID.randomUUID());
        AgreementId agreement = new AgreementId(UUID.randomUUID());
        ReferralId referral = new ReferralId(UUID.randomUUID());
        DeviceId device = SampleDevices.newDevice();
        String keyId = "referral:" + referral;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keys.store(keyId, key);
        events.append(new PartnerRegistered(partnerA, "CCAS de Poitiers", PartnerKind.SOCIAL_SERVICES),
                new PartnerRegistered(partnerB, "Mission locale", PartnerKind.JOB_CENTRE),
                new ReferralSubmitted(referral, partnerA, "H-MATRIX-1", EligibilityCriterion.STUDENT, 1, 0,
                        DeviceCategory.LAPTOP, EncryptedPersonalData.seal(keyId, key,
                        new PersonalData("Inès Roux", null, null, null, null, null)), Instant.parse("2026-04-02T10:00:00Z")),
                donor(donorA, "Banque Régionale du Centre-Ouest"), donor(donorB, "Mutuelle Atlantique"),
                new AgreementSigned(donorA, agreement, "2023-0208", "Paul Martin", "CEO", LocalDate.parse("2026-01-15"),
                        LocalDate.parse("2026-01-15"), null, new AgreementCommitments(true, true, true, true)),
                SampleDevices.received(device, "MX-" + device.toString().substring(0, 8), donorA,
                        DeviceCategory.LAPTOP, SampleDevices.disk("MX-" + device)));
        await().atMost(Duration.ofSeconds(30)).until(() -> known("/api/referrals/" + referral)
                && known("/api/partners/" + partnerA) && known("/api/devices/" + device)
                && known("/api/donors/" + donorA + "/agreements/" + agreement + "/report"));

        AccessMatrix matrix = new AccessMatrix(http, jdbc, passwords, partnerA.value(), partnerB.value(),
                donorA.value(), donorB.value());
        matrix.assertEveryAnswer(rules(), Map.of("partnerId", partnerA.toString(), "referralId", referral.toString(),
                        "donorId", donorA.toString(), "agreementId", agreement.toString(),
                        "deviceId", device.toString(), "processingGroup", "inventory", "name", "ceremonies"));
        // the partner's own referral comes with its people's data, as staff read it
        assertThat(matrix.as(Caller.PARTNER_A).getForObject("/api/referrals/" + referral, JsonNode.class)
                         .at("/personalData/name").asString()).isEqualTo("Inès Roux");
    }

    private static DonorRegistered donor(DonorId donor, String name) {
        return new DonorRegistered(donor, name, DonorKind.COMPANY, new Siret("73282932000074"), "Claire Dubois", "claire@example.org");
    }

    private void noReadModelRebuilt() {
        TestRestTemplate admin = http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD);
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.getForObject("/api/read-models", JsonNode.class)
                .valueStream().noneMatch(readModel -> readModel.get("rebuilding").asBoolean()));
    }

    private boolean known(String path) {
        return http.getForEntity(path, String.class).getStatusCode().is2xxSuccessful();
    }
}
