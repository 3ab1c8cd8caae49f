package org.ordinateurssolidaires.command;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a staff member's client sends with every command in these tests. */
public final class StaffRequests {

    public static final Map<String, Boolean> ALL_FOUR_COMMITMENTS = Map.of("freeForBeneficiary", true,
            "equipmentTraceability", true, "dataErasure", true, "handOverCeremony", true);

    private StaffRequests() {
    }

    /** A new donor whose agreement is in force from 2020 on. */
    public static String donorWithAgreement(TestRestTemplate http) {
        String donor = http.postForObject("/api/donors", new HttpEntity<>(Map.of("legalName", "Mutuelle Atlantique",
                "kind", "COMPANY", "contactPerson", "Claire Dubois", "contactEmail", "claire@example.org"), headers()),
                JsonNode.class).get("donorId").asString();
        http.postForEntity("/api/donors/" + donor + "/agreements", new HttpEntity<>(Map.of("modelAgreementVersion",
                "2023-0208", "signatoryName", "Paul Martin", "signatoryRole", "CEO", "signedOn", "2020-01-01",
                "validFrom", "2020-01-01", "commitments", ALL_FOUR_COMMITMENTS), headers()), JsonNode.class);
        return donor;
    }

    /** The donor's statement that a device's storage was removed before the gift, as the API takes it. */
    public static final Map<String, String> STORAGE_REMOVED_BY_THE_DONOR = Map.of("statedBy", "Paul Martin",
            "statedOn", "2026-04-30", "documentReference", "Annexe 2, convention 2023-0208");

    /** A laptop whose storage the donor removed, taken straight to ready (nothing to sanitise). */
    public static String readyLaptop(TestRestTemplate http, String donor) {
        String device = http.postForObject("/api/devices", new HttpEntity<>(Map.of("assetTag",
                "RL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(), "donorId", donor,
                "donationBatchReference", "LIV-2026-05", "category", "LAPTOP", "manufacturer", "Lenovo",
                "model", "ThinkPad T480", "storageMedia", List.of(), "storageRemoval", STORAGE_REMOVED_BY_THE_DONOR,
                "receivedAt", "2026-05-02T09:00:00Z"), headers()),
                JsonNode.class).get("deviceId").asString();
        http.postForEntity("/api/devices/" + device + "/refurbishment", new HttpEntity<>(Map.of("workDone", "cleaned",
                "operatingSystem", "Linux Mint", "technician", "Sam", "refurbishedAt", "2026-05-03T09:00:00Z"),
                headers()), JsonNode.class);
        http.postForEntity("/api/devices/" + device + "/quality-checks", new HttpEntity<>(Map.of("passed", true,
                "grade", "A", "inspector", "Lou", "checkedAt", "2026-05-04T09:00:00Z"), headers()), JsonNode.class);
        return device;
    }

    /** A partner registered under a name of its own: two active partners never share one. */
    public static String newPartner(TestRestTemplate http, String kind) {
        return http.postForObject("/api/partners", new HttpEntity<>(Map.of("name", "Partenaire " + UUID.randomUUID(),
                "kind", kind), headers()), JsonNode.class).get("partnerId").asString();
    }

    /** A household referred by a new partner and accepted: it waits for a device of the kind given. */
    public static String acceptedReferral(TestRestTemplate http, String need) {
        String partner = newPartner(http, "SOCIAL_SERVICES");
        String referral = http.postForObject("/api/partners/" + partner + "/referrals", new HttpEntity<>(Map.of(
                "criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 4, "children", 2, "need", need,
                "personalData", Map.of("name", "Famille Test"), "submittedAt", "2026-01-05T10:00:00Z"), headers()),
                JsonNode.class).get("referralId").asString();
        http.postForEntity("/api/referrals/" + referral + "/acceptance",
                new HttpEntity<>(Map.of("at", "2026-01-06T10:00:00Z"), headers()), JsonNode.class);
        return referral;
    }

    /**
     * An allocation to the referral given. Every test shares one database, so another test's household may be
     * ahead in line: the reason is recorded only then (the order itself is tested in HouseholdJourneyIT).
     */
    public static Map<String, String> allocation(String referral, String allocatedAt) {
        return Map.of("referralId", referral, "outOfTurnReason", "another test's household is ahead in line",
                "allocatedAt", allocatedAt);
    }

    public static HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
