package org.ordinateurssolidaires.command.referral;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.SentTogether;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.acceptedReferral;
import static org.ordinateurssolidaires.command.StaffRequests.allocation;
import static org.ordinateurssolidaires.command.StaffRequests.donorWithAgreement;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.command.StaffRequests.newPartner;
import static org.ordinateurssolidaires.command.StaffRequests.readyLaptop;

/** A device goes only to an accepted referral that still waits for that kind of device. */
class AllocationToReferralsIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void allocatesOnlyToAnOpenReferralNeedingThatKindOfDevice() {
        String donor = donorWithAgreement(http);
        String laptop = readyLaptop(http, donor);
        String wantsATablet = acceptedReferral(http, "TABLET");
        String wantsALaptop = acceptedReferral(http, "LAPTOP");

        assertThat(allocate(laptop, UUID.randomUUID().toString()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(allocate(laptop, wantsATablet).getBody().get("rule").asString())
                .isEqualTo("ALLOCATION_TO_A_WAITING_REFERRAL");
        assertThat(allocate(laptop, wantsALaptop).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        post("/api/devices/" + laptop + "/hand-over", Map.of("freeOfChargeAcknowledged", true,
                "handedOverAt", "2026-05-06T09:00:00Z"));

        String another = readyLaptop(http, donor);
        assertThat(allocate(another, wantsALaptop).getBody().get("detail").asString()).contains("is closed");
    }

    /**
     * A household receives a device no earlier than it joined the waiting list, to the minute, as a page's form dates
     * the allocation.
     */
    @Test
    void allocatesNoEarlierThanTheReferralWasAccepted() {
        String laptop = readyLaptop(http, donorWithAgreement(http)); // ready since 4 May
        String partner = newPartner(http, "SOCIAL_SERVICES");
        String referral = post("/api/partners/" + partner + "/referrals", Map.of("criterion", "JOB_SEEKER",
                "householdSize", 1, "children", 0, "need", "LAPTOP", "personalData", Map.of("name", "Foyer Tardif"),
                "submittedAt", "2026-05-09T10:00:00Z")).getBody().get("referralId").asString();
        post("/api/referrals/" + referral + "/acceptance", Map.of("at", "2026-05-10T10:00:30Z"));

        ResponseEntity<JsonNode> before = post("/api/devices/" + laptop + "/allocation",
                allocation(referral, "2026-05-10T09:59:00Z"));
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(before.getBody().get("rule").asString()).isEqualTo("ALLOCATION_AFTER_ACCEPTANCE");
        assertThat(before.getBody().get("detail").asString()).contains("2026-05-10T10:00:30Z");
        assertThat(post("/api/devices/" + laptop + "/allocation", allocation(referral, "2026-05-10T10:00:00Z"))
                .getStatusCode()).as("the minute it was accepted, as a page's form dates it")
                                 .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** A referral is withdrawn once no device is promised to it, and then takes none. */
    @Test
    void withdrawsAReferralOnlyOnceItsDeviceIsNoLongerAllocatedToIt() {
        String donor = donorWithAgreement(http);
        String laptop = readyLaptop(http, donor);
        String referral = acceptedReferral(http, "LAPTOP");
        assertThat(allocate(laptop, referral).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> refused = withdraw(referral);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("WITHDRAWAL_WITHOUT_A_DEVICE_ALLOCATED");

        assertThat(post("/api/devices/" + laptop + "/allocation/cancellation", Map.of("reason", "moved away",
                "cancelledAt", "2026-05-05T10:00:00Z"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(withdraw(referral).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/devices/" + laptop + "/allocation", allocation(referral, "2026-05-05T11:00:00Z"))
                .getBody().get("detail").asString()).contains("is closed");
    }

    /** Sent at the same moment, each checking what the other records: one waits for the other and is refused. */
    @Test
    void aWithdrawalAndAnAllocationSentTogetherAreNotBothRecorded() throws Exception {
        String donor = donorWithAgreement(http);
        for (int round = 0; round < 4; round++) {
            String laptop = readyLaptop(http, donor);
            String referral = acceptedReferral(http, "LAPTOP");

            assertThat(SentTogether.recorded(() -> withdraw(referral), () -> allocate(laptop, referral)))
                    .as("round " + round).containsOnlyOnce(true);
        }
    }

    private ResponseEntity<JsonNode> withdraw(String referral) {
        return post("/api/referrals/" + referral + "/withdrawal", Map.of("reason", "moved away",
                "at", "2026-05-05T10:00:00Z"));
    }

    private ResponseEntity<JsonNode> allocate(String device, String referral) {
        return post("/api/devices/" + device + "/allocation", allocation(referral, "2026-05-05T09:00:00Z"));
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return http.postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class);
    }
}
