package org.ordinateurssolidaires.deploy.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ordinateurssolidaires.deploy.ReadModels;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;
import org.ordinateurssolidaires.testing.WorkshopRecount;
import org.ordinateurssolidaires.testing.WorkshopRecount.Figure;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The apps of this version on a store an earlier version wrote (the upgrade fixture {@value UpgradeFixture#EARLIEST},
 * see its README.md and {@link UpgradeFixtureWriterIT}): both start on it, migrations and all; every read model
 * rebuilt from its events comes out as the earlier version left it; the auditor's replay finds the history clean,
 * chain included; the people forgotten then stay forgotten; and new commands on the fixture's aggregates are
 * taken, read, and linked to the chain.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one store, one life: each step builds on the previous one
class StoreWrittenByAnEarlierVersionIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);

    private static Path fixture;
    private static Instant loadedAt;
    private static String database;
    private static RunningApp commandSide;
    private static RunningApp querySide;

    @BeforeAll
    static void loadTheFixtureAndStartBothApps() throws Exception {
        URL store = StoreWrittenByAnEarlierVersionIT.class.getResource(
                "/upgrade/" + UpgradeFixture.EARLIEST + "/" + UpgradeFixture.STORE);
        fixture = Path.of(Objects.requireNonNull(store, "no upgrade fixture " + UpgradeFixture.EARLIEST).toURI())
                      .getParent();
        database = PostgresTestDatabase.emptyDatabase("upgrade_from_earliest");
        loadedAt = Instant.now();
        UpgradeFixture.load(fixture.resolve(UpgradeFixture.STORE), database);
        querySide = RunningApp.onPostgres("querySide", database);
        commandSide = RunningApp.onPostgres("commandSide", database);
        commandSide.awaitHealthy(START);
        querySide.awaitHealthy(START);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        RunningApp.closeAll(querySide, commandSide);
    }

    @Test
    @Order(1)
    void bothAppsStartOnTheStoreWithItsMigrationHistories() throws Exception {
        for (String history : List.of("flyway_command_side_history", "flyway_query_side_history")) {
            assertThat(ReadModels.number(database, "select count(*) from " + history + " where not success"))
                    .as(history).isZero();
            assertThat(ReadModels.number(database, "select count(*) from " + history + " where installed_on < '"
                    + loadedAt + "'")).as("%s keeps the earlier version's migrations", history).isPositive();
        }
        ReadModels.awaitCaughtUp(database, CATCH_UP);
        JsonNode readiness = await().atMost(CATCH_UP).until(() -> querySide.get("/actuator/health/readiness"),
                Objects::nonNull);
        assertThat(readiness.get("status").asText()).isEqualTo("UP");
        assertThat(commandSide.get("/actuator/health").get("status").asText()).isEqualTo("UP");
        assertKeptFiguresAreThoseOfTheDevices(); // filled by their migrations from the earlier version's devices
        assertThat(ReadModels.number(database, "select count(*) from inventory_device where serial_number is not null"
                + " and serial_scanned is null")).as("devices whose serial the search cannot read").isZero();
    }

    @Test
    @Order(2)
    void everyReadModelRebuildsToItsContentsBeforeTheUpgrade() throws Exception {
        querySide.close();
        ReadModels.prepareRebuild(database);
        for (List<String> tables : ReadModels.READ_MODEL_TABLES.values()) {
            for (String table : tables) {
                assertThat(ReadModels.number(database, "select count(*) from " + table)).as(table).isZero();
            }
        }
        querySide = RunningApp.onPostgres("querySide", database);
        querySide.awaitHealthy(START);
        ReadModels.awaitCaughtUp(database, CATCH_UP);

        List<String> expected = corrected(Files.readAllLines(fixture.resolve(UpgradeFixture.READ_MODELS),
                StandardCharsets.UTF_8));
        assertThat(ReadModels.readModels(database, ReadModels.columnsOf(expected)))
                .as("read models rebuilt from the fixture's events").containsExactlyElementsOf(expected);
        assertThat(ReadModels.number(database, "select count(*) from deadLetterEntry")).isZero();
        assertKeptFiguresAreThoseOfTheDevices(); // tables the fixture's version did not have
    }

    /**
     * The fixture's read models as the current version rebuilds them: as the earlier version did, but for what later
     * versions put right on purpose, each named here with its reason. A correction must find its row as the earlier
     * version wrote it: one that no longer applies fails.
     */
    private static List<String> corrected(List<String> readModels) {
        // V26: a referral stops naming a device its household gave back (the fixture's OS-FIX-0005, returned)
        return correct(readModels, "referral_record", "referral_id", "831679c9-28ab-4ff7-986a-b3077070f4ae",
                Map.of("allocated_device", "\\N", "devices_allocated", "0"));
    }

    private static List<String> correct(List<String> readModels, String table, String key, String keyValue,
                                        Map<String, String> values) {
        String headerLine = readModels.stream().filter(line -> line.startsWith("# " + table + "|")).findFirst()
                                      .orElseThrow();
        List<String> header = List.of(headerLine.substring(2).split("\\|"));
        int keyAt = header.indexOf(key);
        List<String> corrected = new ArrayList<>();
        List<String> tableRows = new ArrayList<>();
        int rows = 0;
        for (String line : readModels) {
            String[] cells = line.split("\\|", -1);
            if (line.startsWith("# ") || !cells[0].equals(table)) {
                corrected.add(line);
                continue;
            }
            if (cells[keyAt].equals(keyValue)) {
                values.forEach((column, value) -> cells[header.indexOf(column)] = value);
                rows++;
            }
            tableRows.add(String.join("|", cells));
        }
        assertThat(rows).as("the row of %s %s the correction is for", table, keyValue).isEqualTo(1);
        tableRows.sort(null); // as ReadModels sorts each table's rows
        corrected.addAll(corrected.indexOf(headerLine) + 1, tableRows);
        return corrected;
    }

    private void assertKeptFiguresAreThoseOfTheDevices() throws Exception {
        String counted = "select state, category, count(*) from inventory_device group by state, category";
        String kept = "select state, category, devices from inventory_count";
        assertThat(ReadModels.number(database, "select count(*) from inventory_count")).isPositive();
        assertThat(ReadModels.number(database, "select count(*) from (" + counted + " except " + kept + ") missing"))
                .isZero();
        assertThat(ReadModels.number(database, "select count(*) from (" + kept + " except " + counted + ") extra"))
                .isZero();
        for (Figure figure : WorkshopRecount.FIGURES) {
            assertThat(ReadModels.number(database, "select count(*) from " + figure.table())).as(figure.table())
                    .isPositive();
            assertThat(ReadModels.number(database, figure.differences())).as(figure.table()).isZero();
        }
    }

    @Test
    @Order(3)
    void theAuditorsReplayFindsTheHistoryCleanChainIncluded() throws Exception {
        assertClean(querySide.get("/api/audit/verification"));
    }

    @Test
    @Order(4)
    void theForgottenPeopleStayForgotten() throws Exception {
        List<String> forgotten = aggregatesWith("PersonalDataForgotten");
        assertThat(forgotten).isNotEmpty();
        for (String referral : forgotten) {
            JsonNode personalData = querySide.get("/api/referrals/" + referral).get("personalData");
            assertThat(personalData.get("erased").asBoolean()).as(referral).isTrue();
            assertThat(personalData.has("name")).as(referral).isFalse();
            assertThat(ReadModels.number(database, "select count(*) from referral_record where referral_id = '"
                    + referral + "' and personal_data = 'ERASED' and personal_data_ciphertext is null")).isOne();
        }
        // the keys 0.1.0 kept raw are wrapped by the key-encryption key since the command side's first start
        assertThat(ReadModels.number(database, "select count(*) from personal_data_key")).isPositive();
        assertThat(ReadModels.number(database, "select count(*) from personal_data_key where not wrapped")).isZero();
        // the others are read as before: the erasure above is the forgetting, not a key the upgrade lost
        for (String referral : aggregatesWith("SecondReferralJustified")) {
            JsonNode personalData = querySide.get("/api/referrals/" + referral).get("personalData");
            assertThat(personalData.get("erased").asBoolean()).isFalse();
            assertThat(personalData.get("name").asText()).isEqualTo("Thomas Lefèvre");
        }
    }

    @Test
    @Order(5)
    void newCommandsOnTheFixturesAggregatesAreTakenReadAndLinked() throws Exception {
        long before = ReadModels.number(database, "select max(globalIndex) from domainEventEntry");
        String ready = deviceTagged("OS-FIX-0007");
        commandSide.post("/api/devices/" + ready + "/corrections", Map.of("conditionNotes",
                "keyboard replaced after the upgrade", "reason", "noted at the workshop's inventory"));
        String received = deviceTagged("OS-FIX-0009");
        String medium = querySide.get("/api/devices/" + received).at("/media/0/mediumId").asText();
        commandSide.post("/api/devices/" + received + "/media/" + medium + "/sanitisations", Map.of("level", "PURGE",
                "technique", "CRYPTOGRAPHIC_ERASE", "tool", "nvme-cli", "toolVersion", "2.9",
                "verificationMethod", "FULL", "verificationPassed", true, "operator", "Camille",
                "location", "Atelier Poitiers - Les Couronneries", "performedAt", "2026-11-02T10:00:00Z",
                "toolReportSha256", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"));
        // a referral submitted as ReferralSubmitted revision 1, read as revision 2 by its aggregate and projection
        String waiting = null;
        for (String inLine : querySide.get("/api/waiting-list").findValuesAsText("referralId")) {
            if (waiting == null && !querySide.get("/api/referrals/" + inLine).path("allocatedDevice").isTextual()) {
                waiting = inLine; // no device allocated to it: its withdrawal is one event
            }
        }
        assertThat(waiting).as("a household of the fixture waiting without a device").isNotNull();
        commandSide.post("/api/referrals/" + waiting + "/withdrawal", Map.of("reason",
                "household equipped by other means", "at", "2026-11-02T11:00:00Z"));

        JsonNode corrected = await().atMost(CATCH_UP).until(() -> querySide.get("/api/devices/" + ready),
                device -> device != null && "keyboard replaced after the upgrade".equals(
                        device.path("conditionNotes").asText()));
        assertThat(corrected.get("state").asText()).isEqualTo("READY");
        JsonNode sanitised = await().atMost(CATCH_UP).until(() -> querySide.get("/api/devices/" + received),
                device -> device != null && "SANITISED".equals(device.at("/media/0/erasureStatus").asText()));
        assertThat(sanitised.at("/media/0/sanitisationAttempts").asInt()).isOne();
        List<String> provenance = querySide.get("/api/devices/" + ready + "/provenance").findValuesAsText("event");
        assertThat(provenance.get(provenance.size() - 1)).isEqualTo("DeviceDetailsCorrected");

        String withdrawnPath = "/api/referrals/" + waiting;
        JsonNode withdrawn = await().atMost(CATCH_UP).until(() -> querySide.get(withdrawnPath),
                referral -> referral != null && "WITHDRAWN".equals(referral.path("status").asText()));
        assertThat(withdrawn.at("/personalData/erased").asBoolean()).isFalse();

        ReadModels.awaitCaughtUp(database, CATCH_UP);
        assertThat(ReadModels.number(database, "select max(globalIndex) from domainEventEntry")).isEqualTo(before + 3);
        assertClean(querySide.get("/api/audit/verification"));
    }

    /** Clean, and the chain vouches for every stored event: linked up to the last, none left out. */
    private static void assertClean(JsonNode audit) throws Exception {
        long events = ReadModels.number(database, "select count(*) from domainEventEntry");
        long last = ReadModels.number(database, "select max(globalIndex) from domainEventEntry");
        assertThat(audit.get("clean").asBoolean()).as(audit.toPrettyString()).isTrue();
        assertThat(audit.get("tampering")).as("tampering").isEmpty();
        assertThat(audit.get("violations")).as("violations").isEmpty();
        assertThat(audit.get("eventsChecked").asLong()).isEqualTo(events);
        assertThat(audit.get("eventsNotYetLinked").asLong()).isZero();
        assertThat(audit.at("/chainHead/globalIndex").asLong()).isEqualTo(last);
        assertThat(audit.at("/chainHead/events").asLong()).isEqualTo(events);
    }

    private static List<String> aggregatesWith(String eventType) throws Exception {
        List<String> aggregates = new ArrayList<>();
        try (Connection connection = ReadModels.connect(database);
             PreparedStatement query = connection.prepareStatement("select aggregateIdentifier from domainEventEntry"
                     + " where payloadType like ? order by globalIndex")) {
            query.setString(1, "%." + eventType);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    aggregates.add(rows.getString(1));
                }
            }
        }
        return aggregates;
    }

    private static String deviceTagged(String assetTag) throws Exception {
        try (Connection connection = ReadModels.connect(database);
             PreparedStatement query = connection.prepareStatement(
                     "select device_id::text from asset_tag_registry where asset_tag = ?")) {
            query.setString(1, assetTag);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(assetTag).isTrue();
                return row.getString(1);
            }
        }
    }
}
