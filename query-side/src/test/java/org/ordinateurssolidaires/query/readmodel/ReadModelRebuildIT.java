package org.ordinateurssolidaires.query.readmodel;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.query.SampleDevices;
import org.ordinateurssolidaires.testing.WorkshopRecount;
import org.ordinateurssolidaires.testing.WorkshopRecount.Figure;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An admin rebuilds one read model while the others go on: a row damaged by hand is applied again from the store,
 * its kept figures are those of its devices again, the read model says when it is done (nothing stored since, so Axon
 * still calls it replaying), and the others keep running and taking in what comes. Or every read model together.
 */
class ReadModelRebuildIT extends QuerySideIntegrationTest {

    /** Rows the kept counts have and a count of the devices lacks, both ways: none when they are right. */
    private static final String KEPT_COUNTS_DIFFERENCES = "select count(*) from ((select state, category, devices"
            + " from inventory_count except select state, category, count(*) from inventory_device"
            + " group by state, category) union all (select state, category, count(*) from inventory_device"
            + " group by state, category except select state, category, devices from inventory_count)) different";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @LocalServerPort
    int port;

    @Test
    void aDamagedReadModelIsRebuiltFromTheStoreWhileTheOthersGoOn() {
        DeviceId device = SampleDevices.newDevice();
        events.append(SampleDevices.received(device, "RB-" + device.toString().substring(0, 8),
                new DonorId(UUID.randomUUID()), DeviceCategory.LAPTOP, SampleDevices.disk("RB-" + device)));
        await().atMost(Duration.ofSeconds(30)).until(() -> manufacturerOf(device) != null);
        jdbc.update("update inventory_device set manufacturer = 'damaged by hand' where device_id = ?",
                device.value());

        ResponseEntity<JsonNode> started = admin().postForEntity("/api/read-models/inventory/rebuild", null,
                JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/read-models/inventory");
        assertThat(started.getBody().get("name").asString()).isEqualTo("inventory");
        assertThat(started.getBody().get("segments").asInt()).as("taken back when it answers").isPositive();
        assertThat(admin().getForObject("/api/read-models/donors", JsonNode.class).get("running").asBoolean())
                .as("the donors' read model, meanwhile").isTrue();
        // nothing is stored meanwhile: done once it has taken in what was stored before it began
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode inventory = admin().getForObject("/api/read-models/inventory", JsonNode.class);
            assertThat(inventory.get("running").asBoolean()).isTrue();
            assertThat(inventory.get("rebuilding").asBoolean()).isFalse();
            assertThat(manufacturerOf(device)).isEqualTo("Dell");
        });
        // the kept figures emptied by the reset and counted again, not added to what was there
        assertThat(jdbc.queryForObject(KEPT_COUNTS_DIFFERENCES, Long.class)).as("inventory_count").isZero();
        for (Figure figure : WorkshopRecount.FIGURES) {
            assertThat(jdbc.queryForObject(figure.differences(), Long.class)).as(figure.table()).isZero();
        }
        DonorId donor = new DonorId(UUID.randomUUID());
        events.append(new DonorRegistered(donor, "Crédit Mutuel Océan", DonorKind.COMPANY,
                new Siret("73282932000074"), "Léa Girard", "lea@example.org"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from donor_record where donor_id = ?", Integer.class, donor.value()) == 1);
        assertThat(admin().getForObject("/api/read-models", JsonNode.class).findValuesAsString("name"))
                .contains("inventory", "donors", "referrals", "ceremonies", "erasure-register");
    }

    @Test
    void everyReadModelIsRebuiltTogether() {
        DeviceId device = SampleDevices.newDevice();
        DonorId donor = new DonorId(UUID.randomUUID());
        events.append(new DonorRegistered(donor, "Crédit Mutuel Océan", DonorKind.COMPANY,
                        new Siret("73282932000074"), "Léa Girard", "lea@example.org"),
                SampleDevices.received(device, "RA-" + device.toString().substring(0, 8), donor,
                        DeviceCategory.LAPTOP, SampleDevices.disk("RA-" + device)));
        await().atMost(Duration.ofSeconds(30)).until(() -> manufacturerOf(device) != null
                && legalNameOf(donor) != null);
        jdbc.update("update inventory_device set manufacturer = 'damaged by hand' where device_id = ?",
                device.value());
        jdbc.update("update donor_record set legal_name = 'damaged by hand' where donor_id = ?", donor.value());

        ResponseEntity<JsonNode> started = admin().postForEntity("/api/read-models/rebuild", null, JsonNode.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/api/read-models");
        assertThat(started.getBody().findValuesAsString("name"))
                .containsExactly("ceremonies", "donors", "erasure-register", "inventory", "referrals");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (JsonNode readModel : admin().getForObject("/api/read-models", JsonNode.class)) {
                assertThat(readModel.get("running").asBoolean()).as(readModel.toString()).isTrue();
                assertThat(readModel.get("rebuilding").asBoolean()).as(readModel.toString()).isFalse();
            }
            assertThat(manufacturerOf(device)).isEqualTo("Dell");
            assertThat(legalNameOf(donor)).isEqualTo("Crédit Mutuel Océan");
        });
        assertThat(jdbc.queryForObject(KEPT_COUNTS_DIFFERENCES, Long.class)).as("inventory_count").isZero();
    }

    /** Nothing is emptied: a read model being rebuilt would be emptied under its pass, and the others with it. */
    @Test
    void everyReadModelIsNotRebuiltWhileOneIs() {
        List<DeviceId> devices = receive(20);
        DonorId donor = new DonorId(UUID.randomUUID());
        events.append(new DonorRegistered(donor, "Mutuelle Atlantique", DonorKind.COMPANY,
                new Siret("73282932000074"), "Paul Martin", "paul@example.org"));
        await().atMost(Duration.ofSeconds(60)).until(() -> inInventory(devices) == devices.size()
                && legalNameOf(donor) != null);
        jdbc.update("delete from inventory_count");

        transaction.executeWithoutResult(holdingTheCounts -> { // the inventory's pass waits to write its counts
            jdbc.update("insert into inventory_count (state, category, devices)"
                    + " select state, category, 0 from inventory_device group by state, category");
            assertThat(admin().postForEntity("/api/read-models/inventory/rebuild", null, JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

            ResponseEntity<String> refused = admin().postForEntity("/api/read-models/rebuild", null, String.class);

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody()).contains("read model inventory is already being rebuilt");
            assertThat(admin().getForObject("/api/read-models/donors", JsonNode.class).get("rebuilding").asBoolean())
                    .isFalse();
            assertThat(legalNameOf(donor)).as("the donors' read model, not emptied").isEqualTo("Mutuelle Atlantique");
            holdingTheCounts.setRollbackOnly();
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(rebuilding()).isFalse();
            assertThat(inInventory(devices)).isEqualTo(devices.size());
        });
    }

    /** Its lists short meanwhile, every page says which read model is being rebuilt, and stops once it is done. */
    @Test
    void pagesSayWhichReadModelIsBeingRebuiltUntilItIsDone() throws Exception {
        List<DeviceId> devices = receive(20);
        await().atMost(Duration.ofSeconds(60)).until(() -> inInventory(devices) == devices.size());
        FormBrowser staff = new FormBrowser(port);
        staff.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD);
        assertThat(staff.get("/tableau-de-bord").body()).doesNotContain("reconstruction");

        whileTheInventoryIsRebuilt(() -> {
            String page = pageOf(staff, "/tableau-de-bord");

            assertThat(page).contains("Ces données sont en cours de reconstruction", "<li>inventaire : ")
                            .doesNotContain("registre des effacements :");
            // a sealed document drawn now would hold part of the store and verify as genuine
            ResponseEntity<JsonNode> certificate = http.exchange("/api/donors/" + UUID.randomUUID()
                    + "/sanitisation-certificate.pdf", HttpMethod.GET,
                    new HttpEntity<>(staffHeaders(MediaType.APPLICATION_PDF)), JsonNode.class);
            assertThat(certificate.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(certificate.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
            assertThat(certificate.getBody().get("detail").asString()).contains("inventory", "being rebuilt");
            assertThat(pageOf(staff, "/donateurs/" + UUID.randomUUID() + "/rapport.pdf"))
                    .contains("Momentanément indisponible");
            // what the read models do not hold now may be there once rebuilt: not "not found" meanwhile
            ResponseEntity<JsonNode> device = http.exchange("/api/devices/" + UUID.randomUUID(), HttpMethod.GET,
                    new HttpEntity<>(staffHeaders(MediaType.APPLICATION_JSON)), JsonNode.class);
            assertThat(device.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(device.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
            assertThat(device.getBody().get("detail").asString()).contains("no device", "inventory", "being rebuilt");
            assertThat(pageOf(staff, "/appareils/" + UUID.randomUUID())).contains("Momentanément indisponible");
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuilding());
        assertThat(staff.get("/tableau-de-bord").body()).doesNotContain("reconstruction");
        assertThat(http.exchange("/api/devices/" + UUID.randomUUID(), HttpMethod.GET,
                new HttpEntity<>(staffHeaders(MediaType.APPLICATION_JSON)), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * The pass hands the read model back to its processor where it ended: devices received while it runs are all in
     * the rebuilt inventory, none lost at the hand-over and none applied twice (a second reception of a device would be
     * refused, and parked). The test holds the pass back while the first of them arrive, so that they do arrive while
     * it runs however the machine is loaded. {@code OnePassRebuildIT} has a pass over several chunks.
     */
    @Test
    void devicesReceivedWhileTheInventoryIsRebuiltAreEachInItOnce() {
        List<DeviceId> devices = new ArrayList<>();
        for (int batch = 0; batch < 6; batch++) {
            devices.addAll(receive(500));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> inInventory(devices) == devices.size());

        whileTheInventoryIsRebuilt(() -> {
            for (int batch = 0; batch < 3; batch++) {
                assertThat(rebuilding()).as("while the pass is held back").isTrue();
                devices.addAll(receive(5));
            }
        });
        while (rebuilding()) {
            devices.addAll(receive(5));
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(admin().getForObject("/api/read-models/inventory", JsonNode.class).get("running").asBoolean())
                    .isTrue();
            assertThat(inInventory(devices)).isEqualTo(devices.size());
        });
        assertThat(jdbc.queryForObject("select count(*) from deadletterentry where processinggroup = 'inventory'",
                Long.class)).as("parked").isZero();
        assertThat(jdbc.queryForObject(KEPT_COUNTS_DIFFERENCES, Long.class)).as("inventory_count").isZero();
    }

    /**
     * A list, figures or a file drawn from a read model being rebuilt would be short, and a program would take them as
     * whole: refused (503, to ask again), while those of the read models that are whole are answered. A donor's report
     * is drawn from every read model, as its documents are.
     */
    @Test
    void listsAndFiguresOfAReadModelBeingRebuiltAreRefusedUntilItIsDone() throws Exception {
        List<DeviceId> devices = receive(20);
        await().atMost(Duration.ofSeconds(60)).until(() -> inInventory(devices) == devices.size());
        FormBrowser staff = new FormBrowser(port);
        staff.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD);
        List<String> inventory = List.of("/api/devices", "/api/devices?state=READY&page=0", "/api/devices/counts");

        whileTheInventoryIsRebuilt(() -> {
            for (String path : inventory) {
                ResponseEntity<JsonNode> refused = http.exchange(path, HttpMethod.GET,
                        new HttpEntity<>(staffHeaders(MediaType.APPLICATION_JSON)), JsonNode.class);
                assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
                assertThat(refused.getBody().get("detail").asString()).as(path)
                        .contains("inventory", "being rebuilt", "would be short");
            }
            ResponseEntity<JsonNode> report = http.exchange("/api/donors/" + UUID.randomUUID() + "/report",
                    HttpMethod.GET, new HttpEntity<>(staffHeaders(MediaType.APPLICATION_JSON)), JsonNode.class);
            assertThat(report.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(pageOf(staff, "/inventaire.csv")).contains("Momentanément indisponible");
            // the others are whole: answered
            for (String path : List.of("/api/ceremonies", "/api/donors", "/api/erasure-register", "/api/partners",
                    "/api/waiting-list")) {
                assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(staffHeaders(
                        MediaType.APPLICATION_JSON)), JsonNode.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuilding());
        for (String path : inventory) {
            assertThat(http.exchange(path, HttpMethod.GET, new HttpEntity<>(staffHeaders(MediaType.APPLICATION_JSON)),
                    JsonNode.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
        assertThat(staff.get("/inventaire.csv").statusCode()).isEqualTo(200);
    }

    /**
     * A read model is said rebuilt before it is emptied: found by an outside probe, the lists asked just as the
     * emptying committed answered 200 and nothing (the pass marked the read model rebuilt only afterwards). The test
     * holds the emptying back, a device's row locked, and asks meanwhile.
     */
    @Test
    void aReadModelBeingEmptiedForItsRebuildIsSaidRebuilt() {
        List<DeviceId> devices = receive(5);
        await().atMost(Duration.ofSeconds(60)).until(() -> inInventory(devices) == devices.size());
        AtomicReference<CompletableFuture<ResponseEntity<JsonNode>>> started = new AtomicReference<>();

        transaction.executeWithoutResult(holdingARow -> {
            jdbc.queryForList("select device_id from inventory_device where device_id = ? for update",
                    devices.get(0).value());
            started.set(CompletableFuture.supplyAsync(() -> admin().postForEntity("/api/read-models/inventory/rebuild",
                    null, JsonNode.class)));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.exchange("/api/devices/counts",
                    HttpMethod.GET, new HttpEntity<>(staffHeaders(MediaType.APPLICATION_JSON)), JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        });
        assertThat(started.get().join().getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).until(() -> !rebuilding());
        assertThat(inInventory(devices)).isEqualTo(devices.size());
    }

    /**
     * Has the inventory rebuilt while {@code meanwhile} runs, its pass held back until then however fast the machine:
     * its chunk waits to write the kept counts, rows of which this deletes and inserts again, uncommitted (the rebuild
     * counts from nothing all the same).
     */
    private void whileTheInventoryIsRebuilt(Runnable meanwhile) {
        jdbc.update("delete from inventory_count");
        transaction.executeWithoutResult(holdingTheCounts -> {
            jdbc.update("insert into inventory_count (state, category, devices)"
                    + " select state, category, 0 from inventory_device group by state, category");
            assertThat(admin().postForEntity("/api/read-models/inventory/rebuild", null, JsonNode.class)
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            meanwhile.run();
            holdingTheCounts.setRollbackOnly();
        });
    }

    /** A staff member's request for what the operation answers ({@code answered}), or its problem. */
    private static HttpHeaders staffHeaders(MediaType answered) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, TestAccounts.authorization());
        headers.setAccept(List.of(answered, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    private static String pageOf(FormBrowser browser, String path) {
        try {
            return browser.get(path).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DeviceId> receive(int count) {
        List<DeviceId> devices = new ArrayList<>();
        List<Object> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DeviceId device = SampleDevices.newDevice();
            devices.add(device);
            // as long as an asset tag may be: thousands of tags, none alike
            received.add(SampleDevices.received(device, "RW-" + device.toString().replace("-", "").substring(0, 29),
                    new DonorId(UUID.randomUUID()), DeviceCategory.DESKTOP, SampleDevices.disk("RW-" + device)));
        }
        events.append(received);
        return devices;
    }

    private boolean rebuilding() {
        return admin().getForObject("/api/read-models/inventory", JsonNode.class).get("rebuilding").asBoolean();
    }

    private int inInventory(List<DeviceId> devices) {
        return jdbc.queryForObject("select count(*) from inventory_device where device_id = any (?)", Integer.class,
                (Object) devices.stream().map(DeviceId::value).toArray(UUID[]::new));
    }

    @Test
    void noSuchReadModelIsNotFound() {
        for (ResponseEntity<String> answer : List.of(
                admin().getForEntity("/api/read-models/no-such", String.class),
                admin().postForEntity("/api/read-models/no-such/rebuild", null, String.class))) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody()).contains("no read model of that name");
        }
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD);
    }

    private String legalNameOf(DonorId donor) {
        return jdbc.query("select legal_name from donor_record where donor_id = ?",
                row -> row.next() ? row.getString(1) : null, donor.value());
    }

    private String manufacturerOf(DeviceId device) {
        return jdbc.query("select manufacturer from inventory_device where device_id = ?",
                row -> row.next() ? row.getString(1) : null, device.value());
    }
}
