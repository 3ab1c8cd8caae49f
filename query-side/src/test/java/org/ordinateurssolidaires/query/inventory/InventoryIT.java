package org.ordinateurssolidaires.query.inventory;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.query.CsvRows;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.RECEIVED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.allocated;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.failed;
import static org.ordinateurssolidaires.query.SampleDevices.handedOver;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.ready;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;
import static org.ordinateurssolidaires.query.SampleDevices.storageRemovalStated;

/** Events in the store become the inventory staff read over HTTP. */
class InventoryIT extends QuerySideIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void followsADeviceThroughItsLife() {
        DeviceId device = newDevice();
        StorageMedium disk = disk("ZDE1ABCD");
        var referral = new ReferralId(UUID.randomUUID());
        events.append(received(device, tag(), new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, disk));
        awaitState(device, "AWAITING_SANITISATION");

        events.append(failed(device, disk), sanitised(device, disk));
        JsonNode sanitised = awaitState(device, "SANITISED");
        assertThat(sanitised.at("/media/0/erasureStatus").asString()).isEqualTo("SANITISED");
        assertThat(sanitised.at("/media/0/sanitisationAttempts").asInt()).isEqualTo(2);
        assertThat(sanitised.at("/media/0/serialNumber").asString()).isEqualTo("ZDE1ABCD");

        events.append(refurbished(device), ready(device), allocated(device, referral));
        awaitState(device, "ALLOCATED");
        // each form acting on the device says the version of the device its fields show, its view's (the sixth
        // step, from 0); the household's hand-over, which acts on several devices, does not
        String allocatedPage = http.getForObject("/appareils/" + device, String.class);
        assertThat(Pattern.compile("name=\"drawnVersion\" value=\"([^\"]*)\"").matcher(allocatedPage).results()
                          .map(drawn -> drawn.group(1))).isNotEmpty().containsOnly("5");
        int handOver = allocatedPage.indexOf("action=\"/actions/foyers/");
        assertThat(allocatedPage.substring(handOver, allocatedPage.indexOf("</form>", handOver)))
                .contains("name=\"commandId\"").doesNotContain("drawnVersion");
        // the API's view gives the same version, as its entity tag too: asked again unchanged, 304
        ResponseEntity<JsonNode> view = http.getForEntity("/api/devices/" + device, JsonNode.class);
        assertThat(view.getBody().get("version").asLong()).isEqualTo(5);
        assertThat(view.getHeaders().getETag()).isEqualTo("\"5\"");
        HttpHeaders seen = new HttpHeaders();
        seen.setIfNoneMatch("\"5\"");
        assertThat(http.exchange("/api/devices/" + device, HttpMethod.GET, new HttpEntity<>(seen), JsonNode.class)
                       .getStatusCode().value()).isEqualTo(304);
        // found by an outside probe: each condition as HTTP says (Spring's own let If-Match pass on a read, took
        // If-None-Match: * for no match, and found "5" in "5"garbage)
        Map<String, Integer> answers = new LinkedHashMap<>();
        answers.put("If-None-Match: *", 304);
        answers.put("If-None-Match: \"4\", W/\"5\"", 304);
        answers.put("If-None-Match: \"4\"", 200);
        answers.put("If-None-Match: \"5\"garbage", 400);
        answers.put("If-None-Match: 5", 400);
        answers.put("If-Match: \"4\"", 412);
        answers.put("If-Match: W/\"5\"", 412);
        answers.put("If-Match: \"4\", \"5\"", 200);
        answers.put("If-Match: *", 200);
        answers.put("If-Match: \"5", 400);
        answers.put("If-None-Match: \"a,b\", \"5,\"", 200); // a comma within a tag's quotes is the tag's
        answers.put("If-None-Match: ,\"4\",,W/\"5\"", 304);
        answers.forEach((condition, status) -> assertAnswered("/api/devices/" + device, condition, status));

        // found by an outside probe: the other reads, which have no entity tag, answered 200 whatever these said
        Map<String, Integer> untagged = new LinkedHashMap<>();
        untagged.put("If-Match: \"5\"", 412);
        untagged.put("If-Match: *", 200);
        untagged.put("If-Match: abc", 400);
        untagged.put("If-Match: \"1\", *", 400);
        untagged.put("If-None-Match: \"1\", *", 400);
        untagged.put("If-None-Match: \"5\"", 200);
        untagged.forEach((condition, status) -> {
            assertAnswered("/api/devices/counts", condition, status);
            assertAnswered("/api/devices/" + device + "/provenance", condition, status);
        });

        events.append(handedOver(device, referral));
        JsonNode handedOver = awaitState(device, "HANDED_OVER");
        ResponseEntity<JsonNode> moved = http.exchange("/api/devices/" + device, HttpMethod.GET,
                new HttpEntity<>(seen), JsonNode.class);
        assertThat(moved.getStatusCode().value()).as("a step later, no longer the same").isEqualTo(200);
        assertThat(moved.getHeaders().getETag()).isEqualTo("\"6\"");
        assertThat(handedOver.get("referralId").asString()).isEqualTo(referral.toString());
        assertThat(handedOver.get("grade").asString()).isEqualTo("B");
        // its page said no step was left, above the form of its return
        assertThat(http.getForObject("/appareils/" + device, String.class))
                .contains("Son parcours est terminé ; ce qui peut encore lui arriver s&#39;enregistre ci-dessous.")
                .doesNotContain("il ne reste qu&#39;à corriger sa fiche");
    }

    /** A read sent with one condition ({@code "If-Match: *"}): its status, and a refusal naming the header. */
    private void assertAnswered(String read, String condition, int status) {
        String header = condition.substring(0, condition.indexOf(':'));
        HttpHeaders conditional = new HttpHeaders();
        conditional.set(header, condition.substring(condition.indexOf(':') + 2));
        ResponseEntity<JsonNode> answer = http.exchange(read, HttpMethod.GET, new HttpEntity<>(conditional),
                JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(read + " " + condition).isEqualTo(status);
        if (status == 400 || status == 412) {
            assertThat(answer.getBody().at("/errors/0/header").asString()).as(condition).isEqualTo(header);
        }
    }

    @Test
    void aReturnedDeviceWaitsForSanitisationAgain() {
        DeviceId device = newDevice();
        StorageMedium disk = disk("WD-77");
        var referral = new ReferralId(UUID.randomUUID());
        events.append(new ReferralSubmitted(referral, new PartnerId(UUID.randomUUID()), "H-RETOUR-1",
                        EligibilityCriterion.JOB_SEEKER, 2, 0, DeviceCategory.DESKTOP,
                        new EncryptedPersonalData("referral:" + referral, "bm9uY2U=", "c2VhbGVk"), RECEIVED_AT),
                received(device, tag(), new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP, disk),
                sanitised(device, disk), refurbished(device), ready(device), allocated(device, referral),
                handedOver(device, referral),
                new DeviceReturned(device, referral, "trop lent pour les devoirs", LATER));

        JsonNode returned = awaitState(device, "AWAITING_SANITISATION");

        assertThat(returned.at("/media/0/erasureStatus").asString()).isEqualTo("PENDING");
        assertThat(returned.get("referralId").isNull()).isTrue();
        // its history says what staff recorded with each step, and names the household by its code
        String page = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/appareils/" + device, String.class), html -> html.contains("H-RETOUR-1"));
        assertThat(page).contains("foyer H-RETOUR-1 — motif : trop lent pour les devoirs",
                "Disque dur n° WD-77 : Purge, Réécriture, avec nwipe 0.37", "grade B");
        // its erasure's form says what the policy accepts for a hard disk in words, not in the policy's codes
        assertThat(page)
                .contains("Effacements acceptés pour ce type de support : Purge — technique : au choix — vérification :"
                        + " au choix ; Effacement simple (clear) — technique : Réécriture — vérification : Complète.")
                .doesNotContain("PURGE/");
    }

    /** A donor's certificate prints these: a wipe's tool and report, undone by a later failure, prove nothing. */
    @Test
    void aWipeFollowedByAFailedWipeOrADestructionLendsThemNothingOfItsProof() {
        DeviceId failedAgain = newDevice();
        DeviceId destroyedAfter = newDevice();
        StorageMedium disk = disk("WF-1");
        StorageMedium other = disk("WF-2");
        Instant destroyedAt = LATER.plus(Duration.ofDays(1));
        events.append(received(failedAgain, tag(), new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP, disk),
                sanitised(failedAgain, disk), failed(failedAgain, disk),
                received(destroyedAfter, tag(), new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP, other),
                sanitised(destroyedAfter, other), new StorageMediumDestroyed(destroyedAfter, other,
                        DestructionMethod.SHRED, "Camille", "Atelier Poitiers", "PV-DES-1", destroyedAt));

        JsonNode failedMedium = awaitMedium(failedAgain, "FAILED");
        JsonNode destroyedMedium = awaitMedium(destroyedAfter, "DESTROYED");

        for (String proof : List.of("sanitisationLevel", "sanitisationTechnique", "sanitisationTool",
                "sanitisationToolVersion", "verificationMethod", "sanitisationOperator", "toolReportSha256")) {
            assertThat(failedMedium.hasNonNull(proof)).as("failed again: " + proof).isFalse();
            assertThat(destroyedMedium.hasNonNull(proof)).as("destroyed: " + proof).isFalse();
        }
        assertThat(failedMedium.hasNonNull("erasedAt")).as("failed again: erased").isFalse();
        assertThat(destroyedMedium.path("erasedAt").asString()).isEqualTo(destroyedAt.toString());
    }

    @Test
    void showsWhatADevicesErasureRestsOnAndNeverAnEmptyMediaListAsClean() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId stated = newDevice();
        DeviceId withoutEvidence = newDevice();
        events.append(received(stated, tag(), donor, DeviceCategory.DESKTOP), storageRemovalStated(stated),
                received(withoutEvidence, tag(), donor, DeviceCategory.TABLET));

        JsonNode storageRemoved = awaitState(stated, "SANITISED");
        JsonNode nothingToShow = awaitState(withoutEvidence, "AWAITING_SANITISATION");

        assertThat(storageRemoved.get("erasureEvidence").asString()).isEqualTo("DONOR_STATEMENT");
        assertThat(storageRemoved.get("stateSince").asString()).as("given with the reception: held no data from it on")
                .isEqualTo(RECEIVED_AT.toString());
        assertThat(storageRemoved.at("/storageRemoval/statedBy").asString()).isEqualTo("Paul Martin, DSI");
        assertThat(storageRemoved.at("/storageRemoval/statedOn").asString()).isEqualTo("2026-02-27");
        assertThat(storageRemoved.at("/storageRemoval/documentReference").asString())
                .isEqualTo("Annexe 2, convention 2023-0208");
        assertThat(nothingToShow.get("erasureEvidence").asString()).isEqualTo("NONE");
        assertThat(nothingToShow.path("storageRemoval").path("statedBy").isMissingNode()).isTrue();
    }

    @Test
    void filtersByDonorStateAndCategoryAndCounts() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId laptop = newDevice();
        DeviceId tablet = newDevice();
        StorageMedium flash = disk("EMMC-1");
        events.append(received(laptop, tag(), donor, DeviceCategory.LAPTOP, disk("A1")),
                received(tablet, tag(), donor, DeviceCategory.TABLET, flash), sanitised(tablet, flash));
        awaitState(tablet, "SANITISED");
        awaitState(laptop, "AWAITING_SANITISATION");

        JsonNode donorsDevices = http.getForObject("/api/devices?donorId=" + donor, JsonNode.class);
        assertThat(donorsDevices.get("totalDevices").asLong()).isEqualTo(2);
        JsonNode donorsTablets = http.getForObject("/api/devices?donorId=" + donor + "&category=TABLET&state=SANITISED",
                JsonNode.class);
        assertThat(donorsTablets.get("devices").findValuesAsString("deviceId")).containsExactly(tablet.toString());
        JsonNode firstPage = http.getForObject("/api/devices?donorId=" + donor + "&size=1", JsonNode.class);
        assertThat(firstPage.get("devices")).hasSize(1);
        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);

        JsonNode counts = http.getForObject("/api/devices/counts", JsonNode.class);
        assertThat(counts.at("/byCategory/TABLET").asLong()).isPositive();
        assertThat(counts.get("byState").size()).isEqualTo(DeviceState.values().length);
    }

    /**
     * The dashboard's figures and the totals of unfiltered or state and category filtered lists come from counts
     * kept as devices change (InventoryCounts): after receptions, erasures, corrections of category and devices
     * made ready, they are those of the devices as they are.
     */
    @Test
    void theCountsAreThoseOfTheDevicesAsTheyAreAfterEveryKindOfChange() {
        var donor = new DonorId(UUID.randomUUID());
        List<Object> history = new ArrayList<>();
        Map<DeviceId, String> finalStates = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            DeviceId device = newDevice();
            StorageMedium medium = disk("COUNT-" + i);
            history.add(received(device, tag(), donor, DeviceCategory.values()[i % 3], medium));
            if (i % 2 == 0) {
                history.add(sanitised(device, medium));
            }
            if (i % 3 == 0) {
                history.add(new DeviceDetailsCorrected(device, DeviceCategory.TABLET, null, null, null, null, null,
                        "a tablet, not a laptop"));
            }
            if (i % 4 == 0) {
                history.addAll(List.of(refurbished(device), ready(device)));
            }
            finalStates.put(device, i % 4 == 0 ? "READY" : i % 2 == 0 ? "SANITISED" : "AWAITING_SANITISATION");
        }
        events.append(history.toArray());
        finalStates.forEach(this::awaitState);

        JsonNode counts = http.getForObject("/api/devices/counts", JsonNode.class);
        for (DeviceState state : DeviceState.values()) {
            long devices = jdbc.queryForObject("select count(*) from inventory_device where state = ?", Long.class,
                    state.name());
            assertThat(counts.at("/byState/" + state).asLong()).as("devices %s", state).isEqualTo(devices);
            for (DeviceCategory category : DeviceCategory.values()) {
                assertThat(http.getForObject("/api/devices?state={state}&category={category}&size=1",
                        JsonNode.class, state, category).get("totalDevices").asLong())
                        .as("devices %s of category %s", state, category)
                        .isEqualTo(jdbc.queryForObject("select count(*) from inventory_device where state = ?"
                                + " and category = ?", Long.class, state.name(), category.name()));
            }
        }
        for (DeviceCategory category : DeviceCategory.values()) {
            assertThat(counts.at("/byCategory/" + category).asLong()).as("devices of category %s", category)
                    .isEqualTo(jdbc.queryForObject("select count(*) from inventory_device where category = ?",
                            Long.class, category.name()));
        }
        long everyDevice = jdbc.queryForObject("select count(*) from inventory_device", Long.class);
        assertThat(counts.get("total").asLong()).isEqualTo(everyDevice);
        JsonNode page = http.getForObject("/api/devices?size=7", JsonNode.class);
        assertThat(page.get("totalDevices").asLong()).isEqualTo(everyDevice);
        assertThat(page.get("totalPages").asLong()).isEqualTo((everyDevice + 6) / 7);
    }

    /**
     * The spreadsheet of a selection larger than the pages the export reads it in (500 devices): every device once,
     * in asset-tag order, across the pages' edges.
     */
    @Test
    void theExportHasEveryDeviceOfTheSelectionOnce() {
        var donor = new DonorId(UUID.randomUUID());
        Set<String> ours = new HashSet<>();
        List<Object> receptions = new ArrayList<>();
        for (int i = 0; i < 1_101; i++) {
            String tag = tag();
            ours.add(tag);
            receptions.add(received(newDevice(), tag, donor, DeviceCategory.DESKTOP, disk("EXPORT-" + i)));
        }
        events.append(receptions.toArray());
        String selected = "select asset_tag from inventory_device where state = 'AWAITING_SANITISATION'"
                + " and category = 'DESKTOP' order by asset_tag";
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(selected, String.class).containsAll(ours));

        ResponseEntity<byte[]> export = http.getForEntity(
                "/inventaire.csv?state=AWAITING_SANITISATION&category=DESKTOP", byte[].class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        List<Map<String, String>> rows = CsvRows.ofSpreadsheet(export.getBody());
        assertThat(rows.get(0).keySet()).as("as on the pages, in French").startsWith("N° d'inventaire", "État",
                "Depuis", "Catégorie", "Marque", "Modèle");
        assertThat(rows).extracting(row -> row.get("État")).as("the pages' words").containsOnly("À effacer");
        assertThat(rows).extracting(row -> row.get("Catégorie")).containsOnly("Ordinateur de bureau");
        assertThat(rows.get(0).get("Reçu le")).as("as French Excel reads a date and time")
                                             .matches("\\d{2}/\\d{2}/20\\d{2} \\d{2}:\\d{2}");
        List<String> tags = rows.stream().map(row -> row.get("N° d'inventaire")).toList();
        assertThat(tags).hasSizeGreaterThan(1_100).containsAll(ours)
                        .containsExactlyElementsOf(jdbc.queryForList(selected, String.class));
    }

    /**
     * What a barcode scanner types: the asset tag, the device's serial or a medium's, as on its label; or staff, in
     * small letters or capitals, with spaces or dashes where the label has none or others (a serial as it reads).
     */
    @Test
    void findsADeviceByWhatIsInHand() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId device = newDevice();
        String assetTag = tag();
        String serial = "Sn-" + UUID.randomUUID().toString().substring(0, 8);
        String mediumSerial = "WD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        events.append(new DonorRegistered(donor, "Université de Poitiers", DonorKind.PUBLIC_BODY, null, "Service",
                        "service@example.org"),
                new DeviceReceived(device, new AssetTag(assetTag), donor, "LIV-2026-03", DeviceCategory.LAPTOP,
                "Lenovo", "ThinkPad T480", serial, List.of(disk("OTHER-1"), disk(mediumSerial)), null, RECEIVED_AT));
        awaitState(device, "AWAITING_SANITISATION");

        for (String inHand : List.of(assetTag, serial, mediumSerial, " " + mediumSerial + " ",
                assetTag.toLowerCase(Locale.ROOT), serial.toLowerCase(Locale.ROOT), "wd" + mediumSerial.substring(2),
                serial.toUpperCase(Locale.ROOT), serial.replace("-", ""), "wd " + mediumSerial.substring(3),
                mediumSerial.replace('-', '\u2010'), assetTag.toLowerCase(Locale.ROOT).replace('-', ' '),
                assetTag.replace('-', '\u2013'), fullWidth(assetTag))) {
            JsonNode found = http.getForObject("/api/devices?q={q}", JsonNode.class, inHand);
            assertThat(found.get("devices").findValuesAsString("deviceId")).as(inHand)
                                                                          .containsExactly(device.toString());
        }
        JsonNode named = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/api/devices?q={q}", JsonNode.class, assetTag),
                page -> page.get("donorNames").has(donor.toString()));
        assertThat(named.at("/donorNames/" + donor).asString()).as("the donor's name beside its id")
                                                               .isEqualTo("Université de Poitiers");
        assertThat(http.getForObject("/api/devices?q={q}&state=READY", JsonNode.class, serial).get("totalDevices")
                       .asLong()).as("with the other filters").isZero();
        assertThat(http.getForObject("/api/devices?q={q}", JsonNode.class, mediumSerial.substring(1))
                       .get("totalDevices").asLong()).as("not a part of a serial").isZero();
        assertThat(http.getForObject("/api/devices?q={q}", JsonNode.class, " - ").get("totalDevices").asLong())
                .as("separators alone are no serial").isZero();
    }

    /**
     * A page past the last of a search for a serial holding a "+" and braces: the last page of that search, not of
     * one for a space in its place, nor a page that failed reading "{1}" as a variable of its own redirect.
     */
    @Test
    void aPagePastTheLastOfASearchOpensItsLastPage() {
        String serial = "SN{1}+" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String prefix = tag() + "-";
        events.append(IntStream.range(0, 51).mapToObj(i -> (Object) new DeviceReceived(newDevice(),
                new AssetTag(prefix + "%03d".formatted(i)), new DonorId(UUID.randomUUID()), "LIV-2026-03",
                DeviceCategory.LAPTOP, "Dell", "Latitude 5490", serial, List.of(), null, RECEIVED_AT)).toList());
        URI searched = UriComponentsBuilder.fromPath("/api/devices").queryParam("q", "{q}").encode()
                                           .buildAndExpand(serial).toUri();
        URI pastTheLast = UriComponentsBuilder.fromPath("/inventaire").queryParam("q", "{q}").queryParam("page", 5)
                                              .encode().buildAndExpand(serial).toUri();
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject(searched, JsonNode.class)
                                                               .get("totalDevices").asLong() == 51);

        assertThat(http.getForObject(pastTheLast, String.class)).contains("Page 2 sur 2", prefix + "050")
                                                                .doesNotContain(prefix + "049");
    }

    /**
     * A label of 100 characters (the longest taken) whose reading NFKC and capitals spell out at length, as a device's
     * serial and its medium's: the inventory and the erasure register keep the device, and find it by them.
     */
    @Test
    void keepsAndFindsSerialsThatReadLongerThanTheirLabels() {
        var donor = new DonorId(UUID.randomUUID());
        DeviceId device = newDevice();
        String serial = "\ufdfa".repeat(100);
        // its own first, before what the reading cuts
        StorageMedium medium = disk(UUID.randomUUID().toString().substring(0, 8) + "\ufb03".repeat(92));
        events.append(new DeviceReceived(device, new AssetTag(tag()), donor, "LIV-2026-03", DeviceCategory.LAPTOP,
                "Lenovo", "ThinkPad T480", serial, List.of(medium), null, RECEIVED_AT), sanitised(device, medium));
        awaitState(device, "SANITISED");

        for (String inHand : List.of(serial, medium.serialNumber(), medium.serialNumber().substring(0, 8)
                + "ffi".repeat(92))) {
            assertThat(http.getForObject("/api/devices?q={q}", JsonNode.class, inHand).get("devices")
                           .findValuesAsString("deviceId")).as(inHand).containsExactly(device.toString());
        }
        assertThat(http.getForObject("/api/erasure-register?serial={serial}&deviceId={device}", JsonNode.class,
                medium.serialNumber(), device).get("totalRecords").asLong()).isOne();
    }

    @Test
    void answersBadRequestsAndUnknownDevicesWithProblems() {
        ResponseEntity<JsonNode> unknownState = http.getForEntity("/api/devices?state=LOST", JsonNode.class);
        ResponseEntity<JsonNode> hugePage = http.getForEntity("/api/devices?size=100000", JsonNode.class);
        ResponseEntity<JsonNode> farPage = http.getForEntity("/api/devices?page=5000000&size=500", JsonNode.class);
        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/devices/" + UUID.randomUUID(), JsonNode.class);
        ResponseEntity<JsonNode> notAnId = http.getForEntity("/api/devices/abc", JsonNode.class);

        assertThat(unknownState.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hugePage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(hugePage.getBody().at("/errors/0/parameter").asString()).isEqualTo("size");
        assertThat(farPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(farPage.getBody().at("/errors/0/parameter").asString()).isEqualTo("page");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(notAnId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /**
     * The pages of a selection follow one another in asset-tag order, each device on one page only, whatever order
     * the devices were received in (here the reverse, so that the rows lie in the table against that order).
     */
    @Test
    void listsADevicesSelectionPageAfterPageInAssetTagOrder() {
        String serial = "ORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String prefix = tag() + "-";
        List<String> tags = IntStream.range(0, 120).mapToObj(i -> prefix + "%03d".formatted(i)).toList();
        List<Object> receptions = new ArrayList<>();
        for (int i = tags.size() - 1; i >= 0; i--) {
            String tag = tags.get(i);
            receptions.add(new DeviceReceived(newDevice(), new AssetTag(tag), new DonorId(UUID.randomUUID()), "LIV-2026-03",
                    DeviceCategory.LAPTOP, "Dell", "Latitude 5490", serial, List.of(disk(tag)), null, RECEIVED_AT));
        }
        events.append(receptions.toArray());
        // each in its segment, applied at its own pace: all of them, not only the last
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/api/devices?q={q}", JsonNode.class,
                serial).get("totalDevices").asLong() == 120);

        List<String> listed = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode found = http.getForObject("/api/devices?q={q}&size=50&page={page}", JsonNode.class, serial, page);
            assertThat(found.get("totalDevices").asLong()).isEqualTo(120);
            listed.addAll(found.get("devices").findValuesAsString("assetTag"));
        }
        assertThat(listed).containsExactlyElementsOf(tags);

        List<String> onThePages = new ArrayList<>(); // staff's list: its own query, fifty to a page
        for (int page = 0; page < 3; page++) {
            Matcher link = Pattern.compile(">(" + Pattern.quote(prefix) + "\\d{3})</a>").matcher(
                    http.getForObject("/inventaire?q={q}&page={page}", String.class, serial, page));
            while (link.find()) {
                onThePages.add(link.group(1));
            }
        }
        assertThat(onThePages).containsExactlyElementsOf(tags);
        // a page past the last (an old link, a number typed): the last one, its filters kept (the redirect followed)
        assertThat(http.getForObject("/inventaire?q={q}&category=LAPTOP&page=99", String.class, serial))
                .contains("Page 3 sur 3", prefix + "119", "category=LAPTOP").doesNotContain(prefix + "069");
    }

    /**
     * One disk is in one device: a device's page says which of its media another device lists too (its serial read
     * as a scanner may: case, spaces and dashes aside), until that one is taken out of it; a medium without a serial
     * is like no other.
     */
    @Test
    void aDevicesPageSaysWhichOfItsMediaAnotherDeviceListsToo() {
        String serial = "DUP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        DeviceId here = newDevice();
        DeviceId there = newDevice();
        String thereTag = tag();
        // as a scanner or a keyboard may give it on the other: case, spaces and dashes aside, the same serial
        StorageMedium moved = disk(" " + serial.toLowerCase(Locale.ROOT).replace('-', ' '));
        events.append(received(here, tag(), new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, disk(serial),
                        disk(null)),
                received(there, thereTag, new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP, moved, disk(null)));
        awaitState(here, "AWAITING_SANITISATION");
        awaitState(there, "AWAITING_SANITISATION");

        assertThat(http.getForObject("/appareils/" + here, String.class))
                .contains("Le support Disque dur " + serial + " porte le même numéro de série qu&#39;un support de "
                          + "l&#39;appareil", "<a href=\"/appareils/" + there + "\">" + thereTag + "</a>")
                .containsOnlyOnce("porte le même numéro de série");

        events.append(sanitised(there, moved), new StorageMediumRemoved(there, moved.mediumId(), "disque déplacé",
                LATER));
        await().atMost(Duration.ofSeconds(20)).until(() -> http.getForObject("/appareils/" + here, String.class),
                page -> !page.contains("porte le même numéro de série"));
    }

    /**
     * Each row of the inventory's page says its device in the reader's words: its category, make and model, its
     * donor's name (its id while the donor is unknown), its state and since when, linked to its page.
     */
    @Test
    void theInventoryPageSaysEachDeviceInTheReadersWords() {
        var donor = new DonorId(UUID.randomUUID());
        var unknownDonor = new DonorId(UUID.randomUUID());
        String sharedSerial = "ROW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        DeviceId named = newDevice();
        DeviceId unnamed = newDevice();
        String namedTag = tag();
        String unnamedTag = tag();
        events.append(new DonorRegistered(donor, "Université de Poitiers", DonorKind.PUBLIC_BODY, null, "Service",
                        "service@example.org"),
                new DeviceReceived(named, new AssetTag(namedTag), donor, "LIV-2026-03", DeviceCategory.LAPTOP,
                        "Lenovo", "ThinkPad T480", null, List.of(disk(sharedSerial)), null, RECEIVED_AT),
                received(unnamed, unnamedTag, unknownDonor, DeviceCategory.DESKTOP, disk(sharedSerial)));
        awaitState(unnamed, "AWAITING_SANITISATION");
        // both devices hold a medium of that serial: the search lists them rather than opening one
        String french = await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForObject("/inventaire?q={q}", String.class, sharedSerial),
                page -> page.contains("Université de Poitiers"));

        assertThat(french).contains("<a class=\"insecable\" href=\"/appareils/" + named + "\">" + namedTag + "</a>",
                "<td>Ordinateur portable Lenovo ThinkPad T480</td>", "<td>Université de Poitiers</td>",
                "<td>À effacer</td>",
                "<a class=\"insecable\" href=\"/appareils/" + unnamed + "\">" + unnamedTag + "</a>",
                "<td>" + unknownDonor + "</td>", "<td>Ordinateur de bureau ");
        // the JDK's French has "2 mars 2026 à 10:00" or "2 mars 2026 10:00", as its version says it
        assertThat(french).containsPattern("<td>2 mars 2026 (à )?10:00</td>");

        HttpHeaders inEnglish = new HttpHeaders();
        inEnglish.add(HttpHeaders.COOKIE, "langue=en");
        String english = http.exchange("/inventaire?q={q}", HttpMethod.GET, new HttpEntity<>(inEnglish), String.class,
                sharedSerial).getBody();
        assertThat(english).contains("<td>Laptop Lenovo ThinkPad T480</td>", "<td>Awaiting erasure</td>",
                "<td>March 2, 2026", "<td>Université de Poitiers</td>");

        String desktops = http.getForObject("/inventaire?q={q}&category=DESKTOP&state=AWAITING_SANITISATION",
                String.class, sharedSerial);
        assertThat(desktops).as("with the other filters, the one device left: its page opens")
                            .contains("/appareils/" + unnamed + "/etiquette", "<title>Appareil " + unnamedTag + " — ");
        assertThat(http.getForObject("/inventaire?q={q}&state=READY", String.class, sharedSerial))
                .contains("Aucun appareil ne correspond.").doesNotContain(">" + unnamedTag + "</a>");
    }

    private JsonNode awaitMedium(DeviceId device, String erasureStatus) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForEntity("/api/devices/" + device, JsonNode.class),
                response -> response.getStatusCode().is2xxSuccessful()
                        && erasureStatus.equals(response.getBody().at("/media/0/erasureStatus").asString()))
                      .getBody().at("/media/0");
    }

    private JsonNode awaitState(DeviceId device, String state) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> http.getForEntity("/api/devices/" + device, JsonNode.class),
                response -> response.getStatusCode().is2xxSuccessful()
                        && state.equals(response.getBody().get("state").asString()))
                      .getBody();
    }

    /** As a keyboard in full-width mode types it: "ＱＳ-１２" for "QS-12". */
    private static String fullWidth(String text) {
        return text.codePoints().map(point -> Character.isLetterOrDigit(point) ? point + 0xFEE0 : point)
                   .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String tag() {
        return "QS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
