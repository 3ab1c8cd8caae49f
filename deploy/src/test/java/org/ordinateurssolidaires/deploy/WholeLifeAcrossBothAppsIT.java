package org.ordinateurssolidaires.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Both packaged apps, each in its own process, started together on one empty PostgreSQL database: each creates
 * the tables it owns, and a device taken through its whole life over the command API shows up in the query
 * side's inventory and provenance, a household referred by a partner receives its devices, and the auditor's
 * command line checks the history they left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first test counts the devices handed over
class WholeLifeAcrossBothAppsIT {

    private static final String REPORT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final String CAMILLE_PASSWORD = "camille's own password";

    private static String database;
    private static RunningApp commandSide;
    private static RunningApp querySide;

    /** The query side is launched first: it must wait for the command side to create the event store. */
    @BeforeAll
    static void startBothAppsOnOneEmptyDatabase() throws Exception {
        database = PostgresTestDatabase.emptyDatabase("ordinateurs_end_to_end_it");
        querySide = RunningApp.onPostgres("querySide", database);
        commandSide = RunningApp.onPostgres("commandSide", database);
        commandSide.awaitHealthy(Duration.ofSeconds(120));
        querySide.awaitHealthy(Duration.ofSeconds(120));
        // the first account, admin, opens a member of staff's account: she signs in on both apps
        commandSide.post("/api/accounts", Map.of("username", "camille", "password", CAMILLE_PASSWORD,
                "access", Map.of("roles", List.of("STAFF"))));
        commandSide = commandSide.signedInAs("camille", CAMILLE_PASSWORD);
        querySide = querySide.signedInAs("camille", CAMILLE_PASSWORD);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        RunningApp.closeAll(querySide, commandSide);
    }

    @Test
    @Order(1)
    void aDeviceGivenAwayAppearsInTheInventoryAndItsProvenance() throws Exception {
        JsonNode received = commandSide.post("/api/devices", Map.of("assetTag", "E2E-0001",
                "donorId", Donors.withAgreement(commandSide), "donationBatchReference", "LIV-2026-03",
                "category", "LAPTOP", "manufacturer", "Lenovo", "model", "ThinkPad T480",
                "storageMedia", new Object[]{Map.of("mediaType", "NVME_SSD", "serialNumber", "S4DXNF0M123456"),
                        Map.of("mediaType", "HARD_DISK_DRIVE", "serialNumber", "ZDE1ABCD")},
                "receivedAt", "2026-03-02T09:00:00Z"));
        String device = "/api/devices/" + received.get("deviceId").asText();
        String ssd = received.at("/storageMedia/0/mediumId").asText();
        String disk = received.at("/storageMedia/1/mediumId").asText();

        commandSide.post(device + "/media/" + ssd + "/sanitisations", sanitisation(false));
        commandSide.post(device + "/media/" + ssd + "/sanitisations", sanitisation(true));
        commandSide.post(device + "/media/" + disk + "/destruction", Map.of("method", "SHRED", "operator", "Camille",
                "location", "Broyeur municipal", "destroyedAt", "2026-03-04T09:00:00Z"));
        commandSide.post(device + "/refurbishment", Map.of("workDone", "keyboard replaced", "operatingSystem", "Linux Mint 22",
                "technician", "Sam", "refurbishedAt", "2026-03-05T09:00:00Z"));
        commandSide.post(device + "/quality-checks", Map.of("passed", true, "grade", "A", "inspector", "Lou",
                "checkedAt", "2026-03-06T09:00:00Z"));
        commandSide.post(device + "/allocation", Map.of("referralId", Households.acceptedReferral(commandSide, "LAPTOP"),
                "allocatedAt", "2026-03-07T09:00:00Z"));
        commandSide.post(device + "/hand-over", Map.of("freeOfChargeAcknowledged", true, "handedOverAt", "2026-03-08T09:00:00Z"));

        JsonNode inInventory = await().atMost(Duration.ofSeconds(30))
                .until(() -> querySide.get(device), row -> row != null && "HANDED_OVER".equals(row.get("state").asText()));
        assertThat(inInventory.get("media").findValuesAsText("erasureStatus")).containsExactly("SANITISED", "DESTROYED");
        assertThat(inInventory.at("/media/0/sanitisationAttempts").asInt()).isEqualTo(2);

        JsonNode provenance = querySide.get(device + "/provenance");
        assertThat(provenance.findValuesAsText("event")).containsExactly("DeviceReceived",
                "StorageMediumSanitisationFailed", "StorageMediumSanitised", "StorageMediumDestroyed",
                "DeviceRefurbished", "QualityCheckPassed", "DeviceAllocated", "DeviceHandedOver");
        assertThat(provenance.findValuesAsText("recordedBy")).containsOnly("camille");
        assertThat(querySide.get("/api/devices/counts").at("/byState/HANDED_OVER").asLong()).isEqualTo(1);
    }

    /** From a partner's referral, through the waiting list and a proposal, to two tablets in the family's hands. */
    @Test
    @Order(2)
    void aHouseholdGoesFromItsReferralToItsDevices() throws Exception {
        String partner = commandSide.post("/api/partners", Map.of("name", "CCAS de Poitiers",
                "kind", "SOCIAL_SERVICES")).get("partnerId").asText();
        String referral = commandSide.post("/api/partners/" + partner + "/referrals", Map.of(
                "criterion", "FAMILY_WITH_CHILDREN_WITHOUT_COMPUTER", "householdSize", 4, "children", 2,
                "need", "TABLET", "personalData", Map.of("name", "Famille Fictive", "phone", "06 39 98 00 01"),
                "notes", "two children in primary school", "submittedAt", "2026-04-01T09:00:00Z"))
                .get("referralId").asText();
        commandSide.post("/api/referrals/" + referral + "/acceptance", Map.of("at", "2026-04-02T09:00:00Z"));
        String donor = Donors.withAgreement(commandSide);
        String tablet = readyTablet(donor, "E2E-T1");
        String secondTablet = readyTablet(donor, "E2E-T2");

        JsonNode waiting = await().atMost(Duration.ofSeconds(30)).until(
                () -> querySide.get("/api/waiting-list?need=TABLET"), list -> list != null && list.size() == 1);
        assertThat(waiting.at("/0/referralId").asText()).isEqualTo(referral);
        assertThat(querySide.get("/api/referrals/" + referral).at("/personalData/name").asText())
                .isEqualTo("Famille Fictive");
        JsonNode proposal = await().atMost(Duration.ofSeconds(30)).until(
                () -> querySide.get("/api/devices/" + tablet + "/proposed-referral"), Objects::nonNull);
        assertThat(proposal.get("referralId").asText()).isEqualTo(referral);

        commandSide.post("/api/devices/" + tablet + "/allocation", Map.of("referralId", referral,
                "allocatedAt", "2026-04-10T09:00:00Z"));
        commandSide.post("/api/devices/" + secondTablet + "/allocation", Map.of("referralId", referral,
                "allocatedAt", "2026-04-10T09:05:00Z"));
        commandSide.post("/api/referrals/" + referral + "/hand-over", Map.of("deviceIds", List.of(tablet, secondTablet),
                "freeOfChargeAcknowledged", true, "handedOverAt", "2026-04-11T15:00:00Z"));

        JsonNode partnersView = await().atMost(Duration.ofSeconds(30)).until(
                () -> querySide.get("/api/partners/" + partner + "/referrals"),
                list -> list != null && list.size() == 1 && "FULFILLED".equals(list.at("/0/status").asText()));
        assertThat(partnersView.toString()).doesNotContain("Famille Fictive");
        assertThat(querySide.get("/api/waiting-list?need=TABLET")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> querySide.get("/api/devices/" + secondTablet),
                device -> device != null && "HANDED_OVER".equals(device.get("state").asText()));

        commandSide.post("/api/referrals/" + referral + "/personal-data/erasure", Map.of());
        assertThat(querySide.get("/api/referrals/" + referral).at("/personalData/erased").asBoolean()).isTrue();
    }

    /**
     * The auditor's command line from the packaged jar, under a login that may only read: the history of the two
     * tests above is clean; one byte changed in the store with SQL, and it names the event.
     */
    @Test
    @Order(3)
    void theAuditorsCommandLineFindsTheHistoryCleanThenNamesAnAlteredEvent() throws Exception {
        sql("do $$ begin if not exists (select from pg_roles where rolname = 'ordinateurs_e2e_auditor')"
                + " then create role ordinateurs_e2e_auditor login; end if; end $$");
        sql("grant select on domainEventEntry, history_chain_link, history_chain_head to ordinateurs_e2e_auditor");
        long first = number("select min(globalIndex) from domainEventEntry");
        await().atMost(Duration.ofSeconds(30)).until(() -> number("select global_index from history_chain_head") >= first);

        Audit clean = audit();
        assertThatThrownBy(() -> asAuditor("delete from domainEventEntry")).as("the auditor's login only reads")
                .isInstanceOf(SQLException.class);
        sql("update domainEventEntry set payload = overlay(payload placing '\\x20'::bytea from 2 for 1)"
                + " where globalIndex = " + first);
        Audit altered = audit();

        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).startsWith("CLEAN: ");
        assertThat(altered.exitCode()).as(altered.output()).isEqualTo(2);
        assertThat(altered.output()).contains("ALTERED LINK_MISMATCH at position " + first + ": event ");
    }

    private record Audit(int exitCode, String output) {
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static void asAuditor(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, "ordinateurs_e2e_auditor", "");
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long number(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Audit audit() throws Exception {
        Process process = new ProcessBuilder("java", "-Dloader.main=org.ordinateurssolidaires.query.audit.AuditCommand",
                "-jar", new File(System.getProperty("querySideJar")).getAbsolutePath(), "--url", database,
                "--user", "ordinateurs_e2e_auditor").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the audit did not end within 2 minutes: " + output);
        }
        return new Audit(process.exitValue(), output);
    }

    /** A tablet whose storage the donor removed (its statement recorded), taken straight to ready. */
    private static String readyTablet(String donor, String assetTag) throws Exception {
        String tablet = commandSide.post("/api/devices", Map.of("assetTag", assetTag, "donorId", donor,
                "donationBatchReference", "LIV-2026-04", "category", "TABLET", "manufacturer", "Apple",
                "model", "iPad 9", "storageMedia", List.of(), "storageRemoval", Map.of("statedBy", "Paul Martin",
                        "statedOn", "2026-04-01", "documentReference", "BL-2026-04"),
                "receivedAt", "2026-04-03T09:00:00Z"))
                .get("deviceId").asText();
        commandSide.post("/api/devices/" + tablet + "/refurbishment", Map.of("workDone", "reset",
                "operatingSystem", "iPadOS 17", "technician", "Sam", "refurbishedAt", "2026-04-04T09:00:00Z"));
        commandSide.post("/api/devices/" + tablet + "/quality-checks", Map.of("passed", true, "grade", "B",
                "inspector", "Lou", "checkedAt", "2026-04-05T09:00:00Z"));
        return tablet;
    }

    private static Map<String, Object> sanitisation(boolean passed) {
        Map<String, Object> body = new HashMap<>(Map.of("level", "PURGE", "technique", "CRYPTOGRAPHIC_ERASE",
                "tool", "nwipe", "toolVersion", "0.37", "verificationMethod", "FULL", "verificationPassed", passed,
                "operator", "Camille", "location", "Atelier Poitiers", "performedAt", "2026-03-03T09:00:00Z",
                "toolReportSha256", REPORT));
        if (!passed) {
            body.put("failureReason", "verification read back non-zero blocks");
        }
        return body;
    }
}
