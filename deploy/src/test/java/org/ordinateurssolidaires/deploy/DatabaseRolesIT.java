package org.ordinateurssolidaires.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Least privilege on PostgreSQL, set up by the operator's script (deploy/postgres/roles.sql): each app signs in with
 * its own role and works; the query side's role cannot write the event store, nor read what it does not need; the
 * auditor's role reads the events and the history chain, and nothing else, and writes nothing.
 */
class DatabaseRolesIT {

    private static final String DATABASE = PostgresTestDatabase.named("ordinateurs_roles_it");
    private static final String COMMAND = PostgresTestDatabase.named("roles_it_command");
    private static final String QUERY = PostgresTestDatabase.named("roles_it_query");
    private static final String AUDITOR = PostgresTestDatabase.named("roles_it_auditor");
    private static final String PASSWORD = "roles' own test password";
    /** PostgreSQL's SQLSTATE for "permission denied". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private static String url;

    @BeforeAll
    static void createTheDatabaseAndItsRolesWithTheOperatorsScript() throws Exception {
        dropEverything();
        Process psql = PostgresTestDatabase.client("psql", PostgresTestDatabase.SERVER + "postgres", "--quiet",
                        "-v", "database=" + DATABASE, "-v", "command_role=" + COMMAND,
                        "-v", "command_password=" + PASSWORD, "-v", "query_role=" + QUERY,
                        "-v", "query_password=" + PASSWORD, "-v", "auditor_role=" + AUDITOR,
                        "-v", "auditor_password=" + PASSWORD, "-f", new File("postgres/roles.sql").getAbsolutePath())
                .redirectErrorStream(true).start();
        String said = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(psql.exitValue()).as(said).isZero();
        url = PostgresTestDatabase.SERVER + DATABASE;
    }

    @AfterAll
    static void dropThem() throws SQLException {
        dropEverything();
    }

    @Test
    void eachAppWorksWithItsOwnRoleAndNoRoleWritesWhatIsNotItsOwn() throws Exception {
        try (RunningApp commandSide = RunningApp.onPostgresAs("commandSide", url, COMMAND, PASSWORD,
                "--ordinateurs.database.query-side-role=" + QUERY, "--ordinateurs.database.auditor-role=" + AUDITOR);
             RunningApp querySide = RunningApp.onPostgresAs("querySide", url, QUERY, PASSWORD,
                     "--ordinateurs.database.auditor-role=" + AUDITOR)) {
            commandSide.awaitHealthy(Duration.ofSeconds(120));
            querySide.awaitHealthy(Duration.ofSeconds(120));
            String device = "/api/devices/" + commandSide.post("/api/devices", Map.of("assetTag", "ROLE-0001",
                    "donorId", Donors.withAgreement(commandSide), "donationBatchReference", "LIV-2026-01",
                    "category", "LAPTOP", "manufacturer", "Lenovo", "model", "ThinkPad T480",
                    "storageMedia", List.of(Map.of("mediaType", "NVME_SSD", "serialNumber", "S4X1")),
                    "receivedAt", "2026-03-02T09:00:00Z")).get("deviceId").asText();
            // the query side signs the admin in from the accounts table, and reads the event it projects
            await().atMost(Duration.ofSeconds(30)).until(() -> querySide.get(device) != null);
            // the head row stands from the first migration on: wait for the recorder to have linked events to it
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                   .until(() -> querySide.get("/api/audit/verification").at("/chainHead/events").asLong() > 0);
        }

        try (Connection query = signedInAs(QUERY)) {
            assertThat(count(query, "domainEventEntry")).isPositive();
            assertRefused(query, "insert into domainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier,"
                    + " sequenceNumber, type, timeStamp, payloadType, payload) values (999999, 'forged', 'a', 0,"
                    + " 'Device', '2026-01-01T00:00:00Z', 'x', 'x')");
            assertRefused(query, "update domainEventEntry set payload = null");
            assertRefused(query, "delete from domainEventEntry");
            assertRefused(query, "update account set roles = 'admin'");
            assertRefused(query, "delete from personal_data_key");
            assertRefused(query, "select count(*) from household_index");
            assertRefused(query, "select count(*) from processed_command");
        }
        try (Connection auditor = signedInAs(AUDITOR)) {
            assertThat(count(auditor, "domainEventEntry")).isPositive();
            assertThat(count(auditor, "history_chain_link")).isPositive();
            assertThat(count(auditor, "history_chain_head")).isOne();
            assertRefused(auditor, "select count(*) from account");
            assertRefused(auditor, "select count(*) from personal_data_key");
            assertRefused(auditor, "select count(*) from inventory_device");
            assertRefused(auditor, "delete from domainEventEntry");
            assertRefused(auditor, "delete from history_chain_link");
            assertRefused(auditor, "create table auditor_notes (note text)");
        }
        // and what it may read is all the auditor's replay needs (deploy/audit.sh)
        ProcessBuilder replay = new ProcessBuilder("java", "-Dloader.main=org.ordinateurssolidaires.query.audit.AuditCommand",
                "-jar", new File(System.getProperty("querySideJar")).getAbsolutePath(), "--url", url, "--user", AUDITOR)
                .redirectErrorStream(true);
        replay.environment().put("ORDINATEURS_AUDIT_PASSWORD", PASSWORD);
        Process audit = replay.start();
        String report = new String(audit.getInputStream().readAllBytes());
        assertThat(audit.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(audit.exitValue()).as(report).isZero();
    }

    private static Connection signedInAs(String role) throws SQLException {
        return DriverManager.getConnection(url, role, PASSWORD);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void assertRefused(Connection connection, String sql) {
        assertThatThrownBy(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class,
                refused -> assertThat(refused.getSQLState()).as(sql).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private static void dropEverything() throws SQLException {
        try (Connection admin = DriverManager.getConnection(PostgresTestDatabase.SERVER + "postgres",
                PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + DATABASE + " with (force)");
            for (String role : List.of(COMMAND, QUERY, AUDITOR)) {
                statement.execute("drop role if exists " + role);
            }
        }
    }
}
