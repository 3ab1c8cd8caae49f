package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
import org.ordinateurssolidaires.web.testing.AccessMatrix;
import org.ordinateurssolidaires.web.testing.AccessMatrix.Rule;
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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.web.security.Role.ADMIN;
import static org.ordinateurssolidaires.web.security.Role.DONOR;
import static org.ordinateurssolidaires.web.security.Role.PARTNER;
import static org.ordinateurssolidaires.web.security.Role.STAFF;
import static org.ordinateurssolidaires.web.testing.AccessMatrix.Owner.DONOR_A;
import static org.ordinateurssolidaires.web.testing.AccessMatrix.Owner.PARTNER_A;
import static org.ordinateurssolidaires.web.testing.AccessMatrix.Rule.rule;

/**
 * Every operation of the command side's API description × anonymous, admin, staff, partner A and B, donor A and
 * B, auditor: the answer each gets (see {@link AccessMatrix}). A command is sent with an empty body unless its
 * rule gives one: a caller whose role may call it gets the validation's 400 (the rule is checked before the body
 * is read, so a refused caller gets 401 or 403 whatever it sent). The referral a partner submits is sent whole,
 * for partner A's organisation: allowed, it is recorded; a delivery's reconciliation is sent whole, for donor A's
 * delivery, whose device is not yet processed.
 */
class AuthorisationMatrixIT extends CommandSideIntegrationTest {

    private static final List<Rule> RULES = List.of(
            rule("GET /api/accounts", 200, ADMIN),
            rule("POST /api/accounts", 400, ADMIN),
            // no account of that name
            rule("GET /api/accounts/{username}", 404, ADMIN),
            rule("PUT /api/accounts/{username}/access", 400, ADMIN),
            rule("PUT /api/accounts/{username}/password", 400, ADMIN),
            rule("POST /api/accounts/{username}/deactivation", 404, ADMIN),
            rule("POST /api/accounts/{username}/reactivation", 404, ADMIN),
            rule("DELETE /api/accounts/{username}/sessions", 404, ADMIN),
            rule("POST /api/partners", 400, STAFF),
            rule("POST /api/partners/{partnerId}/contacts", 400, STAFF),
            // partner A has no such contact
            rule("POST /api/partners/{partnerId}/contacts/{contactId}/removal", 404, STAFF),
            rule("POST /api/partners/{partnerId}/deactivation", 400, STAFF),
            rule("POST /api/partners/{partnerId}/referrals", 201, STAFF, PARTNER).ownedBy(PARTNER_A)
                    .sending(AuthorisationMatrixIT::referral),
            rule("POST /api/referrals/{referralId}/acceptance", 400, STAFF),
            rule("POST /api/referrals/{referralId}/rejection", 400, STAFF),
            rule("POST /api/referrals/{referralId}/withdrawal", 400, STAFF),
            rule("POST /api/referrals/{referralId}/hand-over", 400, STAFF),
            // no such referral: nobody's data to forget
            rule("POST /api/referrals/{referralId}/personal-data/erasure", 404, STAFF),
            rule("GET /api/referrals/{referralId}/same-household", 404, STAFF),
            rule("POST /api/donors", 400, STAFF),
            rule("POST /api/donors/{donorId}/corrections", 400, STAFF),
            rule("POST /api/donors/{donorId}/agreements", 400, STAFF),
            rule("POST /api/donors/{donorId}/agreements/{agreementId}/termination", 400, STAFF),
            // a delivery file without its reference and date
            rule("POST /api/donors/{donorId}/batches", 400, STAFF).sending(MediaType.parseMediaType("text/csv"), ""),
            // donor A's delivery, its device not yet processed: too early to reconcile, for staff and donor A alike
            rule("POST /api/batches/{batchId}/confirmation", 409, STAFF, DONOR).ownedBy(DONOR_A)
                    .sending(() -> Map.of("confirmedBy", "Claire Dubois")),
            rule("POST /api/batches/{batchId}/dispute", 409, STAFF, DONOR).ownedBy(DONOR_A)
                    .sending(() -> Map.of("raisedBy", "Claire Dubois", "comment", "we gave two")),
            rule("POST /api/devices", 400, STAFF),
            rule("POST /api/devices/{deviceId}/storage-removal", 400, STAFF),
            rule("POST /api/devices/{deviceId}/media", 400, STAFF),
            rule("POST /api/devices/{deviceId}/media/{mediumId}/sanitisations", 400, STAFF),
            rule("POST /api/devices/{deviceId}/media/{mediumId}/destruction", 400, STAFF),
            rule("POST /api/devices/{deviceId}/media/{mediumId}/removal", 400, STAFF),
            rule("POST /api/devices/{deviceId}/refurbishment", 400, STAFF),
            rule("POST /api/devices/{deviceId}/quality-checks", 400, STAFF),
            rule("POST /api/devices/{deviceId}/allocation", 400, STAFF),
            rule("POST /api/devices/{deviceId}/allocation/cancellation", 400, STAFF),
            rule("POST /api/devices/{deviceId}/hand-over", 400, STAFF),
            rule("POST /api/devices/{deviceId}/return", 400, STAFF),
            rule("POST /api/devices/{deviceId}/recycling", 400, STAFF),
            rule("POST /api/devices/{deviceId}/corrections", 400, STAFF),
            rule("POST /api/ceremonies", 400, STAFF),
            rule("POST /api/ceremonies/{ceremonyId}/invitations", 400, STAFF),
            rule("POST /api/ceremonies/{ceremonyId}/rescheduling", 400, STAFF),
            rule("POST /api/ceremonies/{ceremonyId}/cancellation", 400, STAFF),
            rule("POST /api/ceremonies/{ceremonyId}/held", 400, STAFF));

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void everyCallerGetsTheAnswerItsRoleGives() {
        String partnerA = newPartner("CCAS de Poitiers");
        String partnerB = newPartner("Mission locale");
        String donorA = StaffRequests.donorWithAgreement(http);
        String batchOfDonorA = delivery(donorA);

        new AccessMatrix(http, jdbc, passwords, UUID.fromString(partnerA), UUID.fromString(partnerB),
                UUID.fromString(donorA), UUID.randomUUID())
                .assertEveryAnswer(RULES, Map.of("partnerId", partnerA, "batchId", batchOfDonorA,
                        "username", "nobody-of-that-name"));
    }

    /** A role refused learns nothing from the checks of what it sent: neither its body's nor its parameters'. */
    @Test
    void aCallerWhoseRoleMayNotCallTheOperationGets403WhateverItSent() {
        ResponseEntity<JsonNode> refused = http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)
                .postForEntity("/api/devices?foo=1&foo=2", new HttpEntity<>(Map.of("assetTag", 42), headers()),
                        JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().toString()).doesNotContain("foo", "assetTag");
    }

    /** A delivery of one laptop, just received. */
    private String delivery(String donor) {
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        String tag = "MX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        ResponseEntity<JsonNode> imported = http.postForEntity("/api/donors/" + donor + "/batches?reference=" + tag
                + "&receivedAt=2026-03-02T09:00:00Z", new HttpEntity<>(("asset_tag,category,manufacturer,model,"
                + "serial_number,condition_notes,medium1_type,medium1_manufacturer,medium1_model,medium1_serial,"
                + "medium1_capacity_gb\n" + tag + ",LAPTOP,Dell,Latitude 5490,SN-" + tag + ",,SATA_SSD,Samsung,PM881,"
                + "S-" + tag + ",256\n").getBytes(StandardCharsets.UTF_8),
                csv), JsonNode.class);
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.CREATED);
        return imported.getBody().get("batchId").asString();
    }

    private String newPartner(String name) {
        return http.postForObject("/api/partners", new HttpEntity<>(Map.of("name", name, "kind", "SOCIAL_SERVICES"),
                headers()), JsonNode.class).get("partnerId").asString();
    }

    /** A household of its own each time, so that none is taken for one referred twice. */
    private static Object referral() {
        return Map.of("criterion", "JOB_SEEKER", "householdSize", 1, "children", 0, "need", "LAPTOP",
                "personalData", Map.of("name", "Foyer " + UUID.randomUUID()), "submittedAt", "2026-01-05T10:00:00Z");
    }
}
