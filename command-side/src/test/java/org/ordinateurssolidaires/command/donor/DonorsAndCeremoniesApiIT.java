package org.ordinateurssolidaires.command.donor;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.SentTogether;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.ALL_FOUR_COMMITMENTS;
import static org.ordinateurssolidaires.command.StaffRequests.STORAGE_REMOVED_BY_THE_DONOR;
import static org.ordinateurssolidaires.command.StaffRequests.acceptedReferral;
import static org.ordinateurssolidaires.command.StaffRequests.allocation;
import static org.ordinateurssolidaires.command.StaffRequests.donorWithAgreement;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.command.StaffRequests.readyLaptop;

/** Donors, their agreements and ceremonies over HTTP, and how they gate receptions and hand-overs. */
class DonorsAndCeremoniesApiIT extends CommandSideIntegrationTest {

    @Autowired
    TestRestTemplate http;

    /** A wrong check digit, or the placeholder of an unknown number (which passes the check). */
    @Test
    void refusesAMalformedSiretNamingTheField() {
        for (String siret : List.of("73282932000075", "00000000000000", "00000000012344")) {
            ResponseEntity<JsonNode> refused = post("/api/donors", Map.of("legalName", "Mutuelle Atlantique",
                    "kind", "COMPANY", "siret", siret, "contactPerson", "Anne", "contactEmail", "anne@example.org"));

            assertThat(refused.getStatusCode()).as(siret).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("siret");
        }
    }

    /** One establishment, one donor: a second registration of its SIRET, or a correction to it, is refused. */
    @Test
    void registersASiretOnce() {
        String siret = NewSirets.next();
        String holder = registerDonor(siret).getBody().get("donorId").asString();
        String other = registerDonor();

        ResponseEntity<JsonNode> twice = registerDonor(siret);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().get("rule").asString()).isEqualTo("SIRET_REGISTERED_ONCE");
        assertThat(twice.getBody().get("detail").asString()).endsWith("already registered, for donor " + holder);
        assertThat(post("/api/donors/" + other + "/corrections", Map.of("siret", siret, "reason", "typed again"))
                .getBody().get("rule").asString()).isEqualTo("SIRET_REGISTERED_ONCE");

        // its holder sends it again with another correction, as a client sending every field does: taken
        assertThat(post("/api/donors/" + holder + "/corrections", Map.of("siret", siret, "contactPerson", "Inès",
                "reason", "new contact")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // corrected to another, it frees the first for the establishment it belongs to
        assertThat(post("/api/donors/" + holder + "/corrections", Map.of("siret", NewSirets.next(),
                "reason", "typed wrong")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(registerDonor(siret).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void receivesDevicesOnlyWhileTheDonorsAgreementIsInForce() {
        String donor = registerDonor();
        String agreement = signAgreement(donor, "2026-02-01", "2026-12-31").get("agreementId").asString();

        assertThat(receive(donor, "2026-01-31T12:00:00Z").getBody().get("rule").asString())
                .isEqualTo("DONOR_AGREEMENT_IN_FORCE");
        assertThat(receive(donor, "2026-02-01T08:00:00Z").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        post("/api/donors/" + donor + "/agreements/" + agreement + "/termination",
                Map.of("terminatedOn", "2026-03-01", "reason", "moved its IT to leasing"));
        assertThat(receive(donor, "2026-03-01T16:00:00Z").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(receive(donor, "2026-03-02T09:00:00Z").getBody().get("rule").asString())
                .isEqualTo("DONOR_AGREEMENT_IN_FORCE");
    }

    /** Its last day is in force; a donor without an agreement gives nothing; an unknown one is not found. */
    @Test
    void receivesOnTheAgreementsLastDayAndNothingFromADonorWithoutOne() {
        String donor = registerDonor();
        assertThat(receive(donor, "2025-06-01T08:00:00Z").getBody().get("rule").asString())
                .isEqualTo("DONOR_AGREEMENT_IN_FORCE");

        signAgreement(donor, "2025-02-01", "2025-12-31");
        assertThat(receive(donor, "2025-12-31T16:00:00Z").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(receive(donor, "2026-01-01T09:00:00Z").getBody().get("rule").asString())
                .isEqualTo("DONOR_AGREEMENT_IN_FORCE");
        assertThat(receive(UUID.randomUUID().toString(), "2025-06-01T08:00:00Z").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * A termination recorded late is not dated before the devices its agreement alone covered: they were given under
     * it. One another agreement also covered may be left to that one.
     */
    @Test
    void anAgreementIsNotTerminatedBeforeTheDevicesReceivedUnderItAlone() {
        String donor = registerDonor();
        String agreement = signAgreement(donor, "2026-01-01", null).get("agreementId").asString();
        assertThat(receive(donor, "2026-06-01T10:00:00Z").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String termination = "/api/donors/" + donor + "/agreements/" + agreement + "/termination";

        ResponseEntity<JsonNode> refused = post(termination, Map.of("terminatedOn", "2026-03-01",
                "reason", "the company closed"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("TERMINATION_AFTER_ITS_RECEPTIONS");
        assertThat(refused.getBody().get("detail").asString()).endsWith("on 2026-06-01: terminate it on 2026-06-01 or later");
        assertThat(post(termination, Map.of("terminatedOn", "2026-06-01", "reason", "the company closed"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        String another = registerDonor();
        String first = signAgreement(another, "2026-01-01", null).get("agreementId").asString();
        signAgreement(another, "2026-05-01", "2026-12-31");
        assertThat(receive(another, "2026-06-01T10:00:00Z").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(post("/api/donors/" + another + "/agreements/" + first + "/termination", Map.of(
                "terminatedOn", "2026-04-30", "reason", "replaced by the 2026 model")).getStatusCode())
                .as("the device stays covered by the second agreement").isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * A termination and a reception it would leave uncovered, sent at the same moment: one waits for the other and
     * is refused. Each read what was recorded before it, and both had been recorded (an outside probe, 3 rounds of 6).
     */
    @Test
    void aTerminationAndAReceptionSentTogetherAreNotBothRecorded() throws Exception {
        for (int round = 0; round < 8; round++) {
            String donor = registerDonor();
            String agreement = signAgreement(donor, "2026-01-01", null).get("agreementId").asString();

            assertThat(SentTogether.recorded(
                    () -> post("/api/donors/" + donor + "/agreements/" + agreement + "/termination",
                            Map.of("terminatedOn", "2026-03-01", "reason", "the company closed")),
                    () -> receive(donor, "2026-06-01T10:00:00Z"))).as("round " + round).containsOnlyOnce(true);
        }
    }

    /** Nor are a cancellation and a hand-over at the ceremony, which each check what the other records. */
    @Test
    void aCancellationAndAHandOverAtTheCeremonySentTogetherAreNotBothRecorded() throws Exception {
        String donor = registerDonor();
        signAgreement(donor, "2026-01-01", null);
        for (int round = 0; round < 4; round++) {
            String ceremony = post("/api/ceremonies", Map.of("date", "2026-06-27", "place", "Salle " + round
                    + ", Maison des associations")).getBody().get("ceremonyId").asString();
            String device = allocatedDevice(donor);

            assertThat(SentTogether.recorded(
                    () -> post("/api/ceremonies/" + ceremony + "/cancellation", Map.of("reason", "storm warning")),
                    () -> post("/api/devices/" + device + "/hand-over", Map.of("freeOfChargeAcknowledged", true,
                            "ceremonyId", ceremony, "handedOverAt", "2026-06-27T15:00:00Z"))))
                    .as("round " + round).containsOnlyOnce(true);
        }
    }

    @Test
    void refusesAnAgreementWithoutTheFourCommitmentsOrWithOneLeftOut() {
        String donor = registerDonor();
        Map<String, Object> declined = new HashMap<>(agreementBody("2026-01-01", null));
        declined.put("commitments", Map.of("freeForBeneficiary", true, "equipmentTraceability", true,
                "dataErasure", true, "handOverCeremony", false));
        Map<String, Object> missing = new HashMap<>(agreementBody("2026-01-01", null));
        missing.put("commitments", Map.of("freeForBeneficiary", true));

        ResponseEntity<JsonNode> refused = post("/api/donors/" + donor + "/agreements", declined);
        ResponseEntity<JsonNode> malformed = post("/api/donors/" + donor + "/agreements", missing);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("MODEL_AGREEMENT_COMMITMENTS");
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("errors").findValuesAsString("field"))
                .contains("commitments.dataErasure", "commitments.handOverCeremony");
    }

    @Test
    void answersNotFoundForAnUnknownDonorOrCeremony() {
        ResponseEntity<JsonNode> noDonor = post("/api/donors/" + UUID.randomUUID() + "/agreements",
                agreementBody("2026-01-01", null));
        ResponseEntity<JsonNode> noCeremony = post("/api/ceremonies/" + UUID.randomUUID() + "/cancellation",
                Map.of("reason", "?"));

        assertThat(noDonor.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noDonor.getBody().get("detail").asString()).startsWith("no donor ");
        assertThat(noCeremony.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noCeremony.getBody().get("detail").asString()).startsWith("no ceremony ");
    }

    /**
     * An id of another kind of record (a donor's for a ceremony, a ceremony's for a donor) names no such thing: it
     * was a 500, the stream of the other record applied to this one (an outside probe, with a donor's account too).
     */
    @Test
    void answersNotFoundForTheIdOfAnotherKindOfRecord() {
        String donor = registerDonor();
        String ceremony = post("/api/ceremonies", Map.of("date", "2026-09-26", "place", "Salons de Blossac"))
                .getBody().get("ceremonyId").asString();

        ResponseEntity<JsonNode> donorAsCeremony = post("/api/ceremonies/" + donor + "/cancellation",
                Map.of("reason", "?"));
        ResponseEntity<JsonNode> ceremonyAsDonor = post("/api/donors/" + ceremony + "/agreements",
                agreementBody("2026-01-01", null));

        assertThat(donorAsCeremony.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(donorAsCeremony.getBody().get("detail").asString()).isEqualTo("no ceremony " + donor);
        assertThat(ceremonyAsDonor.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(ceremonyAsDonor.getBody().get("detail").asString()).isEqualTo("no donor " + ceremony);
        assertThat(post("/api/ceremonies/" + ceremony + "/cancellation", Map.of("reason", "pluie")).getStatusCode())
                .as("the ceremony itself, still there").isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** A year typed with too many nines would be listed on the ceremonies' page as 31 décembre 9999. */
    @Test
    void refusesACeremonyDayOutsideTheProgrammesTime() {
        for (String day : List.of("9999-12-31", "2100-01-01", "1999-12-31")) {
            ResponseEntity<JsonNode> refused = post("/api/ceremonies", Map.of("date", day, "place", "Mairie"));
            assertThat(refused.getStatusCode()).as(day).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("date");
        }
        assertThat(post("/api/ceremonies", Map.of("date", "2099-12-31", "place", "Mairie")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void invitesOnlyRegisteredDonorsToACeremony() {
        String ceremony = post("/api/ceremonies", Map.of("date", "2026-09-26", "place", "Salons de Blossac"))
                .getBody().get("ceremonyId").asString();
        UUID stranger = UUID.randomUUID();

        ResponseEntity<JsonNode> refused = post("/api/ceremonies/" + ceremony + "/invitations",
                Map.of("donorIds", List.of(donorWithAgreement(http), stranger.toString())));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody().get("detail").asString()).isEqualTo("no donor " + stranger);

        String donor = donorWithAgreement(http);
        ResponseEntity<JsonNode> twice = post("/api/ceremonies/" + ceremony + "/invitations",
                Map.of("donorIds", List.of(donor, donor)));
        assertThat(twice.getStatusCode()).as("one donor twice").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getBody().at("/errors/0/field").asString()).isEqualTo("donorIds");
    }

    @Test
    void handsOverAtACeremonyOnlyOnItsDay() {
        String donor = registerDonor();
        signAgreement(donor, "2026-01-01", null);
        String ceremony = post("/api/ceremonies", Map.of("date", "2026-06-27", "place", "Salons de Blossac"))
                .getBody().get("ceremonyId").asString();
        post("/api/ceremonies/" + ceremony + "/invitations", Map.of("donorIds", List.of(donor)));
        String early = allocatedDevice(donor);
        String onTheDay = allocatedDevice(donor);

        ResponseEntity<JsonNode> dayBefore = post("/api/devices/" + early + "/hand-over", Map.of(
                "freeOfChargeAcknowledged", true, "ceremonyId", ceremony, "handedOverAt", "2026-06-26T15:00:00Z"));
        ResponseEntity<JsonNode> sameDay = post("/api/devices/" + onTheDay + "/hand-over", Map.of(
                "freeOfChargeAcknowledged", true, "ceremonyId", ceremony, "handedOverAt", "2026-06-27T15:00:00Z"));

        assertThat(dayBefore.getBody().get("rule").asString()).isEqualTo("HAND_OVER_ON_THE_CEREMONY_DAY");
        UUID noCeremony = UUID.randomUUID();
        ResponseEntity<JsonNode> unknown = post("/api/devices/" + early + "/hand-over", Map.of(
                "freeOfChargeAcknowledged", true, "ceremonyId", noCeremony, "handedOverAt", "2026-06-27T15:00:00Z"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asString()).isEqualTo("no ceremony " + noCeremony);
        assertThat(sameDay.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // a device was handed over at it: it is neither cancelled nor moved to another day, only to another room
        for (var change : Map.of("/cancellation", Map.of("reason", "storm warning"), "/rescheduling",
                Map.of("date", "2026-06-28", "place", "Salons de Blossac", "reason", "storm warning")).entrySet()) {
            ResponseEntity<JsonNode> refused = post("/api/ceremonies/" + ceremony + change.getKey(), change.getValue());
            assertThat(refused.getStatusCode()).as(change.getKey()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("rule").asString()).isEqualTo("HAND_OVERS_KEEP_THEIR_CEREMONY");
        }
        assertThat(post("/api/ceremonies/" + ceremony + "/rescheduling", Map.of("date", "2026-06-27",
                "place", "Hôtel de Ville", "reason", "larger room")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // a slip of the keyboard is no count of people in a room: refused, the ceremony left planned
        ResponseEntity<JsonNode> implausible = post("/api/ceremonies/" + ceremony + "/held",
                Map.of("householdsPresent", 24_000, "donorsPresent", 1));
        assertThat(implausible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(implausible.getBody().at("/errors/0/field").asString()).isEqualTo("householdsPresent");
        assertThat(post("/api/ceremonies/" + ceremony + "/held", Map.of("householdsPresent", 1, "donorsPresent", 1))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/ceremonies/" + ceremony + "/cancellation", Map.of("reason", "too late"))
                .getBody().get("rule").asString()).isEqualTo("CEREMONY_STILL_PLANNED");
    }

    /** Typed again in capitals or without its accents, the place is the same: so is the ceremony that day. */
    @Test
    void schedulesOneCeremonyPerDayAndPlace() {
        String first = post("/api/ceremonies", Map.of("date", "2026-10-03", "place", "Salle des fêtes, Buxerolles"))
                .getBody().get("ceremonyId").asString();

        ResponseEntity<JsonNode> twice = post("/api/ceremonies", Map.of("date", "2026-10-03",
                "place", " SALLE DES FETES -- BUXEROLLES"));

        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().get("rule").asString()).isEqualTo("ONE_CEREMONY_PER_DAY_AND_PLACE");
        assertThat(twice.getBody().get("detail").asString()).as("the other, as it was recorded")
                .isEqualTo("ceremony " + first + " takes place on 2026-10-03 at Salle des fêtes, Buxerolles");
        // the next day, or another room that day, is another ceremony; moved onto the first, it is refused
        String nextDay = post("/api/ceremonies", Map.of("date", "2026-10-04", "place", "Salle des fêtes, Buxerolles"))
                .getBody().get("ceremonyId").asString();
        assertThat(post("/api/ceremonies", Map.of("date", "2026-10-03", "place", "Salle des fêtes, Poitiers"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, String> ontoTheFirst = Map.of("date", "2026-10-03", "place", "Salle des Fêtes, Buxerolles",
                "reason", "one ceremony for both");
        ResponseEntity<JsonNode> moved = post("/api/ceremonies/" + nextDay + "/rescheduling", ontoTheFirst);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(moved.getBody().get("rule").asString()).isEqualTo("ONE_CEREMONY_PER_DAY_AND_PLACE");
        // its place's name spelt anew, a ceremony keeps its own day and place
        assertThat(post("/api/ceremonies/" + first + "/rescheduling", Map.of("date", "2026-10-03",
                "place", "Salle des Fêtes, Buxerolles", "reason", "capitals")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // called off, it frees them
        post("/api/ceremonies/" + first + "/cancellation", Map.of("reason", "merged with the next day's"));
        assertThat(post("/api/ceremonies/" + nextDay + "/rescheduling", ontoTheFirst).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Two schedulings of one day and place sent at once: the slot's key records one, the other refused. */
    @Test
    void twoSchedulingsOfOneDayAndPlaceSentTogetherAreNotBothRecorded() throws Exception {
        for (int round = 0; round < 4; round++) {
            String day = "2026-11-0" + (round + 1);
            assertThat(SentTogether.recorded(
                    () -> post("/api/ceremonies", Map.of("date", day, "place", "Espace Mendès France")),
                    () -> post("/api/ceremonies", Map.of("date", day, "place", "ESPACE MENDES-FRANCE"))))
                    .as("round " + round).containsOnlyOnce(true);
        }
    }

    /** Each household handed a device at a ceremony was there: the count of those present cannot be lower. */
    @Test
    void recordsACeremonyHeldWithEveryHouseholdHandedADeviceAtIt() {
        String donor = registerDonor();
        signAgreement(donor, "2026-01-01", null);
        String ceremony = post("/api/ceremonies", Map.of("date", "2026-06-20", "place", "Maison de quartier"))
                .getBody().get("ceremonyId").asString();
        for (String device : List.of(allocatedDevice(donor), allocatedDevice(donor))) {
            assertThat(post("/api/devices/" + device + "/hand-over", Map.of("freeOfChargeAcknowledged", true,
                    "ceremonyId", ceremony, "handedOverAt", "2026-06-20T15:00:00Z")).getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }

        ResponseEntity<JsonNode> fewer = post("/api/ceremonies/" + ceremony + "/held",
                Map.of("householdsPresent", 1, "donorsPresent", 0));

        assertThat(fewer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(fewer.getBody().get("rule").asString()).isEqualTo("HOUSEHOLDS_HANDED_OVER_WERE_PRESENT");
        assertThat(fewer.getBody().get("detail").asString()).startsWith("2 household(s)");
        // the donor came, uninvited: invited first
        ResponseEntity<JsonNode> uninvited = post("/api/ceremonies/" + ceremony + "/held",
                Map.of("householdsPresent", 2, "donorsPresent", 1));
        assertThat(uninvited.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(uninvited.getBody().get("rule").asString()).isEqualTo("DONORS_PRESENT_WERE_INVITED");
        post("/api/ceremonies/" + ceremony + "/invitations", Map.of("donorIds", List.of(donor)));
        assertThat(post("/api/ceremonies/" + ceremony + "/held", Map.of("householdsPresent", 2, "donorsPresent", 1))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String registerDonor() {
        return registerDonor(NewSirets.next()).getBody().get("donorId").asString();
    }

    private ResponseEntity<JsonNode> registerDonor(String siret) {
        return post("/api/donors", Map.of("legalName", "Ville de Poitiers", "kind", "PUBLIC_BODY",
                "siret", siret, "contactPerson", "Alexandra", "contactEmail", "numerique@example.org"));
    }

    private JsonNode signAgreement(String donor, String validFrom, String validUntil) {
        ResponseEntity<JsonNode> signed = post("/api/donors/" + donor + "/agreements", agreementBody(validFrom, validUntil));
        assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return signed.getBody();
    }

    private static Map<String, Object> agreementBody(String validFrom, String validUntil) {
        Map<String, Object> body = new HashMap<>(Map.of("modelAgreementVersion", "2023-0208",
                "signatoryName", "Paul Martin", "signatoryRole", "Directeur général", "signedOn", validFrom,
                "validFrom", validFrom, "commitments", ALL_FOUR_COMMITMENTS));
        if (validUntil != null) {
            body.put("validUntil", validUntil);
        }
        return body;
    }

    private ResponseEntity<JsonNode> receive(String donor, String receivedAt) {
        return post("/api/devices", Map.of("assetTag", "DN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                "donorId", donor, "donationBatchReference", "LIV-2026-05", "category", "LAPTOP",
                "manufacturer", "Lenovo", "model", "ThinkPad T480", "storageMedia", List.of(),
                "storageRemoval", STORAGE_REMOVED_BY_THE_DONOR, "receivedAt", receivedAt));
    }

    private String allocatedDevice(String donor) {
        String device = readyLaptop(http, donor);
        post("/api/devices/" + device + "/allocation", allocation(acceptedReferral(http, "LAPTOP"),
                "2026-05-05T09:00:00Z"));
        return device;
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return http.postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class);
    }
}
