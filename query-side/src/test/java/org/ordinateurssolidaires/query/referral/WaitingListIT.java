package org.ordinateurssolidaires.query.referral;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerKind;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.ordinateurssolidaires.events.referral.PersonalDataForgotten;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralRejected;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.ReferralWithdrawn;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.SampleDevices;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.ready;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/** The waiting list: by criterion, then referral date; allocations take households out and cancellations back. */
class WaitingListIT extends QuerySideIntegrationTest {

    private static final Instant DAY_1 = Instant.parse("2026-04-01T10:00:00Z");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void ordersHouseholdsByCriterionThenDateAndPutsACancelledAllocationBackInItsPlace() {
        var partner = new PartnerId(UUID.randomUUID());
        var otherPartner = new PartnerId(UUID.randomUUID());
        ReferralId student = waiting(partner, EligibilityCriterion.STUDENT, DeviceCategory.LAPTOP, 0);
        ReferralId familyLater = waiting(partner, EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER,
                DeviceCategory.LAPTOP, 2);
        ReferralId jobSeeker = waiting(otherPartner, EligibilityCriterion.JOB_SEEKER, DeviceCategory.DESKTOP, 1);
        ReferralId familyFirst = waiting(otherPartner, EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER,
                DeviceCategory.LAPTOP, 1);
        ReferralId rejected = submitted(partner, EligibilityCriterion.JOB_SEEKER, DeviceCategory.LAPTOP, 0);
        events.append(new ReferralRejected(rejected, "already equipped", DAY_1));
        List<ReferralId> mine = List.of(student, familyLater, jobSeeker, familyFirst);

        assertThat(awaitWaitingList(mine, list -> list.size() == 4))
                .containsExactly(familyFirst.toString(), familyLater.toString(), jobSeeker.toString(), student.toString());
        assertThat(ids(http.getForObject("/api/waiting-list?partnerId=" + partner, JsonNode.class)))
                .containsExactly(familyLater.toString(), student.toString());
        events.append(new PartnerRegistered(partner, "CCAS de Poitiers", PartnerKind.SOCIAL_SERVICES));
        JsonNode named = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/waiting-list?partnerId=" + partner, JsonNode.class),
                list -> "CCAS de Poitiers".equals(list.at("/0/partnerName").asString()));
        assertThat(named.findValuesAsString("partnerName")).as("the partner's name beside its id")
                                                           .containsOnly("CCAS de Poitiers");

        DeviceId laptop = readyLaptop();
        events.append(new DeviceAllocated(laptop, familyFirst, LATER));
        assertThat(awaitWaitingList(mine, list -> list.size() == 3)).first().isEqualTo(familyLater.toString());

        events.append(new AllocationCancelled(laptop, familyFirst, "household unreachable", LATER));
        assertThat(awaitWaitingList(mine, list -> list.size() == 4)).first().isEqualTo(familyFirst.toString());

        events.append(new DeviceAllocated(laptop, familyFirst, LATER),
                new DeviceHandedOver(laptop, familyFirst, true, null, LATER));
        assertThat(awaitWaitingList(mine, list -> list.size() == 3)).doesNotContain(familyFirst.toString());
        assertThat(http.getForObject("/api/partners/" + otherPartner + "/referrals", JsonNode.class)
                       .findValuesAsString("status")).contains("FULFILLED");
    }

    @Test
    void aHouseholdGivenTwoDevicesReturnsInLineOnlyOnceBothAllocationsAreCancelled() {
        var partner = new PartnerId(UUID.randomUUID());
        ReferralId family = waiting(partner, EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER,
                DeviceCategory.LAPTOP, 3);
        DeviceId laptop = readyLaptop();
        DeviceId spare = readyLaptop();
        List<ReferralId> mine = List.of(family);
        events.append(new DeviceAllocated(laptop, family, LATER), new DeviceAllocated(spare, family, LATER),
                new AllocationCancelled(spare, family, "one is enough for now", LATER));
        // the one allocated first is still the household's, as on the command side
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/api/referrals/" + family,
                JsonNode.class), referral -> referral != null && "ALLOCATED".equals(referral.get("status").asString())
                && laptop.toString().equals(referral.get("allocatedDevice").asString("")));
        assertThat(awaitWaitingList(mine, List::isEmpty)).isEmpty();
        events.append(new DeviceAllocated(spare, family, LATER));
        JsonNode both = await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/api/referrals/"
                + family, JsonNode.class), referral -> referral.get("allocatedDevices").size() == 2);
        assertThat(both.get("allocatedDevices").valueStream().map(JsonNode::asString))
                .as("every device the household holds, not only the last").containsExactly(laptop.toString(),
                        spare.toString());
        // its page names both, by their tags, as the inventory has them
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.getForObject(
                "/orientations/" + family, String.class)).contains("Appareils du foyer", tag(laptop), tag(spare)));
        events.append(new AllocationCancelled(spare, family, "one is enough after all", LATER));

        events.append(new AllocationCancelled(laptop, family, "household unreachable", LATER));

        assertThat(awaitWaitingList(mine, list -> list.size() == 1)).containsExactly(family.toString());
    }

    /** No rule bounds a household's devices: the referral names each, past what a column of V26 held (100). */
    @Test
    void aHouseholdGivenManyDevicesIsNamedAsHoldingEach() {
        ReferralId school = waiting(new PartnerId(UUID.randomUUID()), EligibilityCriterion.STUDENT,
                DeviceCategory.LAPTOP, 1);
        var donor = new DonorId(UUID.randomUUID());
        List<DeviceId> devices = Stream.generate(SampleDevices::newDevice).limit(150).toList();
        // devices the inventory knows, as the command side allows no other
        events.append(devices.stream().flatMap(device -> Stream.of(received(device, tag(device), donor,
                DeviceCategory.LAPTOP), new DeviceAllocated(device, school, LATER))).toList());
        events.append(new AllocationCancelled(devices.get(0), school, "one too many", LATER));

        JsonNode referral = await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/api/referrals/"
                + school, JsonNode.class), found -> found.get("allocatedDevices").size() == 149);
        assertThat(referral.get("allocatedDevices").valueStream().map(JsonNode::asString))
                .containsExactlyElementsOf(devices.subList(1, 150).stream().map(DeviceId::toString).toList());
        assertThat(referral.get("allocatedDevice").asString()).isEqualTo(devices.get(149).toString());
    }

    /** Histories from before the rule hold a withdrawal while a device was allocated: the referral stays closed. */
    @Test
    void aReferralWithdrawnWhileADeviceWasAllocatedNeverReturnsInLine() {
        var partner = new PartnerId(UUID.randomUUID());
        ReferralId family = waiting(partner, EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER,
                DeviceCategory.LAPTOP, 3);
        DeviceId laptop = readyLaptop();
        DeviceId another = readyLaptop();
        events.append(new DeviceAllocated(laptop, family, LATER), new ReferralWithdrawn(family, "moved", LATER),
                new AllocationCancelled(laptop, family, "moved away", LATER),
                new DeviceAllocated(another, family, LATER));

        JsonNode referral = await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject(
                "/api/referrals/" + family, JsonNode.class), answer -> answer != null
                && another.toString().equals(answer.path("allocatedDevice").asString("")));
        assertThat(referral.get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(awaitWaitingList(List.of(family), List::isEmpty)).isEmpty();
    }

    /**
     * A device given back and handed over to another household is the other's: the first no longer names it, and
     * its partner reads that it was given back, beside "équipé".
     */
    @Test
    void aDeviceGivenBackIsNoLongerTheFirstHouseholdsOnceAnotherIsGivenIt() throws Exception {
        var partner = new PartnerId(UUID.randomUUID());
        ReferralId first = waiting(partner, EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER,
                DeviceCategory.LAPTOP, 3);
        ReferralId second = waiting(partner, EligibilityCriterion.STUDENT, DeviceCategory.LAPTOP, 4);
        DeviceId laptop = readyLaptop();
        Instant givenBack = LATER.plus(Duration.ofDays(10));
        events.append(new DeviceAllocated(laptop, first, LATER), new DeviceHandedOver(laptop, first, true, null, LATER),
                new DeviceReturned(laptop, first, "too slow for the children's homework", givenBack),
                new DeviceAllocated(laptop, second, givenBack), new DeviceHandedOver(laptop, second, true, null,
                        givenBack));

        JsonNode secondNow = await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject(
                "/api/referrals/" + second, JsonNode.class), answer -> answer != null
                && "FULFILLED".equals(answer.path("status").asString()));
        assertThat(secondNow.path("allocatedDevice").asString()).isEqualTo(laptop.toString());
        // the two referrals may be in different segments: the first's return is awaited on its own
        JsonNode firstNow = await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject(
                "/api/referrals/" + first, JsonNode.class), answer -> answer != null
                && answer.hasNonNull("deviceReturnedAt"));
        assertThat(firstNow.path("allocatedDevice").isNull()).as("the first household's device").isTrue();
        assertThat(firstNow.path("deviceReturnedAt").asString()).isEqualTo(givenBack.toString());
        assertThat(firstNow.path("status").asString()).as("fulfilled, as on the command side").isEqualTo("FULFILLED");

        TestAccounts.open(jdbc, passwords, "partner.given.back", "partner", partner.value(), null);
        FormBrowser partnerPages = new FormBrowser(port);
        partnerPages.signIn("partner.given.back", TestAccounts.PASSWORD);
        String page = partnerPages.get("/partenaire").body();
        assertThat(page.split("— appareil rendu par le foyer le ", -1)).as("one household gave its device back")
                                                                       .hasSize(2);
        assertThat(page.split(">équipé<", -1)).as("both households equipped").hasSize(3);
    }

    @Test
    void proposesTheNextHouseholdWhoseNeedMatchesAReadyDevice() {
        var partner = new PartnerId(UUID.randomUUID());
        ReferralId first = waiting(partner, EligibilityCriterion.FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER,
                DeviceCategory.LAPTOP, -3000); // ahead of every other test's households
        DeviceId laptop = readyLaptop();

        JsonNode proposal = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForEntity("/api/devices/" + laptop + "/proposed-referral", JsonNode.class),
                answer -> answer.getStatusCode().is2xxSuccessful()).getBody();

        assertThat(proposal.get("referralId").asString()).isEqualTo(first.toString());
        assertThat(http.getForEntity("/api/devices/" + UUID.randomUUID() + "/proposed-referral", JsonNode.class)
                       .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void showsForgottenPersonalDataAsErasedEvenAfterARebuildFromScratch() {
        var partner = new PartnerId(UUID.randomUUID());
        ReferralId referral = submitted(partner, EligibilityCriterion.STUDENT, DeviceCategory.TABLET, 0);
        events.append(new PersonalDataForgotten(referral, "referral:" + referral));
        awaitPersonalData(partner, "ERASED");

        StreamingEventProcessor referrals = processing.eventProcessor("referrals", StreamingEventProcessor.class)
                                                      .orElseThrow();
        referrals.shutDown();
        referrals.resetTokens();
        referrals.start();

        awaitPersonalData(partner, "ERASED");
    }

    private ReferralId waiting(PartnerId partner, EligibilityCriterion criterion, DeviceCategory need, int day) {
        ReferralId referral = submitted(partner, criterion, need, day);
        events.append(new ReferralAccepted(referral, DAY_1.plus(Duration.ofDays(day))));
        return referral;
    }

    private ReferralId submitted(PartnerId partner, EligibilityCriterion criterion, DeviceCategory need, int day) {
        var referral = new ReferralId(UUID.randomUUID());
        events.append(new ReferralSubmitted(referral, partner, "H-" + referral.toString().substring(0, 8), criterion,
                3, 1, need, new EncryptedPersonalData("referral:" + referral, "bm9uY2U=", "c2VhbGVk"),
                DAY_1.plus(Duration.ofDays(day))));
        return referral;
    }

    private DeviceId readyLaptop() {
        DeviceId device = newDevice();
        var medium = disk("WL-" + device.toString().substring(0, 6));
        events.append(received(device, tag(device),
                        new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, medium),
                sanitised(device, medium), refurbished(device), ready(device));
        return device;
    }

    private static String tag(DeviceId device) {
        return "WL-" + device.toString().substring(0, 8).toUpperCase();
    }

    /** The waiting list restricted to this test's referrals (other tests add theirs to the same database). */
    private List<String> awaitWaitingList(List<ReferralId> mine, Predicate<List<String>> settled) {
        List<String> ids = mine.stream().map(ReferralId::toString).toList();
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> ids(http.getForObject("/api/waiting-list", JsonNode.class)).stream().filter(ids::contains).toList(),
                settled);
    }

    private void awaitPersonalData(PartnerId partner, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/api/partners/" + partner + "/referrals",
                JsonNode.class).findValuesAsString("personalData"), statuses -> statuses.equals(List.of(status)));
    }

    private static List<String> ids(JsonNode list) {
        return list.findValuesAsString("referralId");
    }
}
