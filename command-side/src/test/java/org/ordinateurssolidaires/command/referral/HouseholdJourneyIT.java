package org.ordinateurssolidaires.command.referral;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.SecondReferralJustified;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.acceptedReferral;
import static org.ordinateurssolidaires.command.StaffRequests.allocation;
import static org.ordinateurssolidaires.command.StaffRequests.donorWithAgreement;
import static org.ordinateurssolidaires.command.StaffRequests.headers;
import static org.ordinateurssolidaires.command.StaffRequests.newPartner;
import static org.ordinateurssolidaires.command.StaffRequests.readyLaptop;

/** A household's journey over HTTP, from its partner's referral to the devices in its hands, and back again. */
class HouseholdJourneyIT extends CommandSideIntegrationTest {

    private static final Map<String, String> AMINA = Map.of("name", "Amina Diallo", "phone", "+33 6 39 98 12 34",
            "email", "amina.diallo@example.org", "address", "3 rue de l'Église, Poitiers");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    @Test
    void equipsAHouseholdWithTwoDevicesAtOnceThenRecognisesItWhenReferredAgain() {
        String donor = donorWithAgreement(http);
        String partner = newPartner(http, "JOB_CENTRE");
        String referral = submit(partner, AMINA, null).getBody().get("referralId").asString();
        accept(referral);
        String laptop = readyLaptop(http, donor);
        String spare = readyLaptop(http, donor);
        allocate(laptop, referral);
        allocate(spare, referral);

        assertThat(handOver(referral, List.of(laptop, spare), headers()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(payloads(referral)).last().isEqualTo(new ReferralFulfilled(referralId(referral),
                List.of(deviceId(laptop), deviceId(spare)), Instant.parse("2026-05-06T09:00:00Z")));
        assertThat(payloads(spare)).last().isInstanceOf(DeviceHandedOver.class);
        // the same family, its phone written another way and without its e-mail
        Map<String, String> again = Map.of("name", "AMINA DIALLO", "phone", "06.39.98.12.34");
        ResponseEntity<JsonNode> refused = submit(partner, again, null);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("SECOND_REFERRAL_JUSTIFIED");
        String justified = submit(partner, again, "the laptop was stolen; police report seen").getBody()
                .get("referralId").asString();
        assertThat(payloads(justified)).last()
                .isEqualTo(new SecondReferralJustified(referralId(justified), "the laptop was stolen; police report seen"));
        assertThat(submit(partner, Map.of("name", "Amina Diallo", "phone", "06 39 98 99 99"), null).getStatusCode())
                .as("a namesake with another phone and no address is another household").isEqualTo(HttpStatus.CREATED);
        // the partner's own account is not told (its answer would say who the programme helped): staff find out
        String username = "partenaire." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD).postForEntity("/api/accounts",
                new HttpEntity<>(Map.of("username", username, "password", TestAccounts.PASSWORD, "access",
                        Map.of("roles", List.of("PARTNER"), "partnerId", partner)), headers()), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<JsonNode> byThePartner = http.withBasicAuth(username, TestAccounts.PASSWORD).postForEntity(
                "/api/partners/" + partner + "/referrals", new HttpEntity<>(referral(again), headers()),
                JsonNode.class);
        assertThat(byThePartner.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String unjustified = byThePartner.getBody().get("referralId").asString();
        ResponseEntity<JsonNode> acceptance = post("/api/referrals/" + unjustified + "/acceptance",
                Map.of("at", Instant.now().toString())); // a partner refers now
        assertThat(acceptance.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(acceptance.getBody().get("rule").asString()).isEqualTo("SECOND_REFERRAL_JUSTIFIED");
        assertThat(payloads(unjustified)).singleElement().isInstanceOf(ReferralSubmitted.class);
        post("/api/referrals/" + unjustified + "/personal-data/erasure", Map.of());

        post("/api/referrals/" + referral + "/personal-data/erasure", Map.of());
        post("/api/referrals/" + justified + "/personal-data/erasure", Map.of());
        assertThat(submit(partner, again, null).getStatusCode())
                .as("a forgotten household leaves nothing to be recognised by").isEqualTo(HttpStatus.CREATED);
    }

    /** Referred by two partners while waiting: equipped through one referral, the other's hand-over is refused. */
    @Test
    void aHouseholdReferredTwiceWhileWaitingIsEquippedThroughOneReferralOnly() {
        String donor = donorWithAgreement(http);
        Map<String, String> yvonne = Map.of("name", "Yvonne Martin",
                "email", "yvonne." + UUID.randomUUID() + "@example.net");
        String first = submit(newPartner(http, "JOB_CENTRE"), yvonne, null).getBody().get("referralId").asString();
        String second = submit(newPartner(http, "JOB_CENTRE"), yvonne, null).getBody().get("referralId").asString();
        accept(first);
        accept(second);
        String laptop = readyLaptop(http, donor);
        String another = readyLaptop(http, donor);
        allocate(laptop, first);
        allocate(another, second);
        assertThat(handOver(first, List.of(laptop), headers()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<JsonNode> refused = handOver(second, List.of(another), headers());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("SECOND_REFERRAL_JUSTIFIED");
        assertThat(payloads(another)).as("nothing recorded").last().isInstanceOf(DeviceAllocated.class);
        assertThat(payloads(second)).last().isInstanceOf(ReferralAccepted.class);
    }

    /**
     * The earliest referrals of every test, of the first criterion: these two households are the first in line
     * for a laptop.
     */
    @Test
    void allocatesToTheNextHouseholdInLineOrToAnotherWithStaffsReason() {
        String donor = donorWithAgreement(http);
        String partner = newPartner(http, "JOB_CENTRE");
        String first = submitted(partner, "2001-01-01T10:00:00Z");
        String second = submitted(partner, "2001-01-02T10:00:00Z");
        String laptop = readyLaptop(http, donor);
        String another = readyLaptop(http, donor);

        ResponseEntity<JsonNode> outOfTurn = post("/api/devices/" + laptop + "/allocation",
                Map.of("referralId", second, "allocatedAt", "2026-05-05T09:00:00Z"));
        assertThat(outOfTurn.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(outOfTurn.getBody().get("rule").asString()).isEqualTo("ALLOCATION_IN_TURN");
        assertThat(outOfTurn.getBody().get("detail").asString()).contains(first);
        assertThat(post("/api/devices/" + laptop + "/allocation", Map.of("referralId", second,
                "outOfTurnReason", "the first household needs a screen reader we do not have yet",
                "allocatedAt", "2026-05-05T09:00:00Z")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/devices/" + another + "/allocation", Map.of("referralId", first,
                "allocatedAt", "2026-05-05T10:00:00Z")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(payloads(laptop)).contains(new NextInLinePassedOver(deviceId(laptop), referralId(first),
                referralId(second), "the first household needs a screen reader we do not have yet"));
        assertThat(payloads(another)).noneMatch(NextInLinePassedOver.class::isInstance);

        post("/api/devices/" + another + "/allocation/cancellation", Map.of("reason", "the family moved for a month",
                "cancelledAt", "2026-05-06T09:00:00Z"));
        ResponseEntity<JsonNode> backInLine = post("/api/devices/" + readyLaptop(http, donor) + "/allocation",
                Map.of("referralId", second, "allocatedAt", "2026-05-07T09:00:00Z"));
        assertThat(backInLine.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(backInLine.getBody().get("detail").asString())
                .as("a cancelled allocation puts the household back at its original place").contains(first);
    }

    @Test
    void handsOverAllOrNothing() {
        String donor = donorWithAgreement(http);
        String referral = acceptedReferral(http, "LAPTOP");
        String elsewhere = acceptedReferral(http, "LAPTOP");
        String allocated = readyLaptop(http, donor);
        String notAllocated = readyLaptop(http, donor);
        String someoneElses = readyLaptop(http, donor);
        allocate(allocated, referral);
        allocate(someoneElses, elsewhere);

        ResponseEntity<JsonNode> notYet = handOver(referral, List.of(allocated, notAllocated), headers());
        ResponseEntity<JsonNode> notTheirs = handOver(referral, List.of(allocated, someoneElses), headers());

        assertThat(notYet.getBody().get("rule").asString()).isEqualTo("HAND_OVER_WHEN_ALLOCATED");
        assertThat(notTheirs.getBody().get("rule").asString()).isEqualTo("HAND_OVER_TO_THE_ALLOCATED_HOUSEHOLD");
        assertThat(payloads(allocated)).noneMatch(DeviceHandedOver.class::isInstance);
        assertThat(payloads(referral)).noneMatch(ReferralFulfilled.class::isInstance);
    }

    @Test
    void aRetriedHandOverIsRecordedOnce() {
        String referral = acceptedReferral(http, "LAPTOP");
        String laptop = readyLaptop(http, donorWithAgreement(http));
        allocate(laptop, referral);
        HttpHeaders once = headers();
        once.set("Idempotency-Key", UUID.randomUUID().toString());

        assertThat(handOver(referral, List.of(laptop), once).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(handOver(referral, List.of(laptop), once).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(payloads(referral)).filteredOn(ReferralFulfilled.class::isInstance).hasSize(1);
        assertThat(payloads(laptop)).filteredOn(DeviceHandedOver.class::isInstance).hasSize(1);
        String another = readyLaptop(http, donorWithAgreement(http));
        assertThat(handOver(referral, List.of(laptop, another), once).getStatusCode())
                .as("the same key for another request").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void oneRequestIsOneConversationAndNamesAnUnknownDeviceAsSuch() {
        String referral = acceptedReferral(http, "LAPTOP");
        String donor = donorWithAgreement(http);
        String laptop = readyLaptop(http, donor);
        String spare = readyLaptop(http, donor);
        allocate(laptop, referral);
        allocate(spare, referral);
        String stranger = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> unknown = handOver(referral, List.of(laptop, stranger), headers());
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asString()).isEqualTo("no device " + stranger);
        assertThat(handOver(referral, List.of(laptop, spare), headers()).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(List.of(last(laptop), last(spare), last(referral)))
                .extracting(event -> event.getMetaData().get("correlationId")).doesNotContainNull()
                .containsOnly(last(laptop).getMetaData().get("correlationId"));
    }

    @Test
    void takesReferralsAndContactPeopleOnlyForKnownActivePartners() {
        ResponseEntity<JsonNode> unknown = submit(UUID.randomUUID().toString(), AMINA, null);
        String leaving = newPartner(http, "JOB_CENTRE");
        ResponseEntity<JsonNode> contact = post("/api/partners/" + leaving + "/contacts",
                Map.of("name", "Nadia Benali", "role", "adviser", "email", "n.benali@example.org"));
        ResponseEntity<JsonNode> unreachable = post("/api/partners/" + leaving + "/contacts", Map.of("name", "?"));
        post("/api/partners/" + leaving + "/deactivation", Map.of("reason", "left the steering committee"));
        ResponseEntity<JsonNode> deactivated = submit(leaving, AMINA, null);

        assertThat(contact.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(contact.getBody().get("contactId").asString()).isNotBlank();
        assertThat(unreachable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unreachable.getBody().get("errors").findValuesAsString("message")).contains("give an email or a phone");
        assertThat(unreachable.getBody().get("errors").findValuesAsString("field")).contains("email")
                                                                                  .doesNotContain("reachable");
        assertThat(post("/api/partners/" + leaving + "/contacts", Map.of("name", "Late", "phone", "05 49 00 00 00"))
                .getBody().get("rule").asString()).isEqualTo("CONTACTS_OF_AN_ACTIVE_PARTNER");
        String another = newPartner(http, "JOB_CENTRE");
        ResponseEntity<JsonNode> moreChildrenThanPeople = post("/api/partners/" + another + "/referrals", Map.of(
                "criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 2, "children", 5,
                "need", "LAPTOP", "personalData", AMINA, "submittedAt", "2026-01-05T10:00:00Z"));
        assertThat(moreChildrenThanPeople.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(moreChildrenThanPeople.getBody().get("errors").findValuesAsString("message"))
                .contains("children are counted in householdSize: there cannot be more of them");
        ResponseEntity<JsonNode> familyWithoutChildren = post("/api/partners/" + another + "/referrals", Map.of(
                "criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 2, "children", 0,
                "need", "LAPTOP", "personalData", AMINA));
        assertThat(familyWithoutChildren.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(familyWithoutChildren.getBody().get("errors").findValuesAsString("field"))
                .containsExactly("criterion");
        assertThat(post("/api/partners/" + another + "/referrals", Map.of("criterion", "JOB_SEEKER",
                "householdSize", 2, "children", 0, "need", "LAPTOP", "personalData", AMINA)).getStatusCode())
                .as("another criterion takes a household without children").isEqualTo(HttpStatus.CREATED);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asString()).startsWith("no partner ");
        assertThat(deactivated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(deactivated.getBody().get("rule").asString()).isEqualTo("REFERRAL_BY_AN_ACTIVE_PARTNER");
    }

    /** Typed again in capitals, the name is the active partner's; deactivated, the partner leaves it free. */
    @Test
    void registersOneActivePartnerUnderAName() {
        String name = "Centre social " + UUID.randomUUID();
        String first = post("/api/partners", Map.of("name", name, "kind", "ASSOCIATION")).getBody()
                .get("partnerId").asString();

        ResponseEntity<JsonNode> twice = post("/api/partners", Map.of("name", " " + name.toUpperCase()
                .replace(" ", ".") + ".", "kind", "ASSOCIATION"));

        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().get("rule").asString()).isEqualTo("PARTNER_NAME_REGISTERED_ONCE");
        assertThat(twice.getBody().get("detail").asString()).as("the other, as it was registered")
                .isEqualTo("partner " + first + " is registered as " + name);
        post("/api/partners/" + first + "/deactivation", Map.of("reason", "merged into the city's social centre"));
        assertThat(post("/api/partners", Map.of("name", name, "kind", "ASSOCIATION")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    /** Found by outside probes: letters that look like the name's, of another script or none of ours, made a twin. */
    @Test
    void takesANameTypedWithLettersThatLookTheSameAsTheActivePartners() {
        String number = UUID.randomUUID().toString();
        post("/api/partners", Map.of("name", "CCAS " + number + " de Poitiers", "kind", "SOCIAL_SERVICES"));

        for (String lookingTheSame : List.of("ССАЅ " + number + " de Poitiers", "CCAS " + number + " de Poıtiers")) {
            ResponseEntity<JsonNode> twin = post("/api/partners", Map.of("name", lookingTheSame,
                    "kind", "SOCIAL_SERVICES"));

            assertThat(twin.getStatusCode()).as(lookingTheSame).isEqualTo(HttpStatus.CONFLICT);
            assertThat(twin.getBody().get("rule").asString()).isEqualTo("PARTNER_NAME_REGISTERED_ONCE");
        }
    }

    private String submitted(String partner, String submittedAt) {
        String referral = post("/api/partners/" + partner + "/referrals", Map.of("criterion",
                "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 3, "children", 1, "need", "LAPTOP",
                "personalData", Map.of("name", "Famille " + submittedAt),
                "submittedAt", submittedAt)).getBody().get("referralId").asString();
        accept(referral);
        return referral;
    }

    private ResponseEntity<JsonNode> submit(String partner, Map<String, String> person, String justification) {
        Map<String, Object> body = referral(person);
        if (justification != null) {
            body.put("alreadyEquippedJustification", justification);
        }
        return post("/api/partners/" + partner + "/referrals", body);
    }

    private static Map<String, Object> referral(Map<String, String> person) {
        return new HashMap<>(Map.of("criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 3,
                "children", 2, "need", "LAPTOP", "personalData", person, "submittedAt", "2026-01-05T10:00:00Z"));
    }

    private void accept(String referral) {
        assertThat(post("/api/referrals/" + referral + "/acceptance", Map.of("at", "2026-01-06T10:00:00Z"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void allocate(String device, String referral) {
        assertThat(post("/api/devices/" + device + "/allocation", allocation(referral, "2026-05-05T09:00:00Z"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> handOver(String referral, List<String> devices, HttpHeaders headers) {
        return http.postForEntity("/api/referrals/" + referral + "/hand-over", new HttpEntity<>(Map.of(
                "deviceIds", devices, "freeOfChargeAcknowledged", true, "handedOverAt", "2026-05-06T09:00:00Z"),
                headers), JsonNode.class);
    }

    private DomainEventMessage<?> last(String aggregate) {
        return eventStore.readEvents(aggregate).asStream().reduce((earlier, later) -> later).orElseThrow();
    }

    private List<Object> payloads(String aggregate) {
        return eventStore.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                         .toList();
    }

    private static ReferralId referralId(String referral) {
        return new ReferralId(UUID.fromString(referral));
    }

    private static DeviceId deviceId(String device) {
        return new DeviceId(UUID.fromString(device));
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return http.postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class);
    }
}
