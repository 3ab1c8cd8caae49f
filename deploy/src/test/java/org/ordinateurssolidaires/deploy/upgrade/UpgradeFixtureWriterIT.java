package org.ordinateurssolidaires.deploy.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ordinateurssolidaires.deploy.ReadModels;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the upgrade fixture: a small store as this version of both apps leaves it, and the contents its read
 * models rebuild to, for {@link StoreWrittenByAnEarlierVersionIT} to check a later version against. Not a test
 * that runs with the others: it runs only when asked, from a clean checkout of the version that is to write the
 * fixture, in {@code deploy}:
 * <pre>
 * TEST_POSTGRES_DATABASE_PREFIX=... ./mvnw -pl deploy -am verify -Dupgrade.fixture.write=true \
 *     -Dit.test=UpgradeFixtureWriterIT -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dupgrade.fixture.label=VERSION
 * </pre>
 * It starts both packaged apps on an empty database, drives the command API through {@link FixtureScenario}
 * (every event type, a forgotten person among them), waits until the read models and the history chain have
 * caught up and the auditor's replay finds the store clean, stops both apps, and writes into
 * {@code deploy/src/test/resources/upgrade/<label>/}: {@value UpgradeFixture#STORE} ({@code pg_dump} of the whole
 * database), {@value UpgradeFixture#READ_MODELS} (the canonical text of every read model) and a README.md with
 * the counts. Before it writes the read models' text it rebuilds them once (the procedure the upgrade test
 * applies) and fails if the rebuilt contents differ: what a rebuild cannot reproduce cannot be an expectation.
 * A fixture is written once, by the version it is named after: the label is required, and an existing fixture is
 * never written over (a later version would silently replace the earlier store it is meant to be tested on).
 */
@EnabledIfSystemProperty(named = "upgrade.fixture.write", matches = "true")
class UpgradeFixtureWriterIT {

    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration CATCH_UP = Duration.ofSeconds(90);

    @Test
    void writesTheStoreAndTheReadModelsItRebuildsTo() throws Exception {
        String label = System.getProperty("upgrade.fixture.label");
        assertThat(label).as("-Dupgrade.fixture.label: the version writing the fixture").isNotBlank();
        Path fixture = Path.of("src", "test", "resources", "upgrade", label);
        assertThat(fixture).as("a fixture is written once, by its own version").doesNotExist();
        String database = PostgresTestDatabase.emptyDatabase("upgrade_fixture_writer");

        List<String> forgotten;
        List<String> readModels;
        JsonNode audit;
        RunningApp querySide = RunningApp.onPostgres("querySide", database);
        RunningApp commandSide = RunningApp.onPostgres("commandSide", database);
        try {
            commandSide.awaitHealthy(START);
            querySide.awaitHealthy(START);
            FixtureScenario scenario = new FixtureScenario(commandSide, database);
            scenario.run();
            forgotten = scenario.forgottenReferrals();

            assertThat(storedEventTypes(database)).as("every event type, and only those, as the golden files name them")
                                                  .isEqualTo(goldenEventTypes());
            ReadModels.awaitCaughtUp(database, CATCH_UP);
            assertThat(ReadModels.number(database, "select count(*) from deadLetterEntry")).isZero();
            audit = querySide.get("/api/audit/verification");
            assertClean(audit, database);
            readModels = ReadModels.readModels(database);
        } finally {
            querySide.close();
            commandSide.close();
        }

        Files.createDirectories(fixture);
        dump(database, fixture.resolve(UpgradeFixture.STORE));

        // the same store's read models rebuilt from the events by this version: they must come out the same
        ReadModels.prepareRebuild(database);
        try (RunningApp rebuilding = RunningApp.onPostgres("querySide", database)) {
            rebuilding.awaitHealthy(START);
            ReadModels.awaitCaughtUp(database, CATCH_UP);
            List<String> rebuilt = ReadModels.readModels(database);
            if (!rebuilt.equals(readModels)) {
                Files.write(Path.of("target", "read-models-rebuilt.txt"), rebuilt, StandardCharsets.UTF_8);
                Files.write(Path.of("target", "read-models-written.txt"), readModels, StandardCharsets.UTF_8);
            }
            assertThat(rebuilt).as("the read models rebuilt by this version (see target/read-models-*.txt)")
                               .containsExactlyElementsOf(readModels);
        }
        Files.write(fixture.resolve(UpgradeFixture.READ_MODELS), readModels, StandardCharsets.UTF_8);
        Files.writeString(fixture.resolve("README.md"), readme(label, database, forgotten, audit, readModels),
                StandardCharsets.UTF_8);
    }

    private static void assertClean(JsonNode audit, String database) throws Exception {
        long events = ReadModels.number(database, "select count(*) from domainEventEntry");
        long last = ReadModels.number(database, "select max(globalIndex) from domainEventEntry");
        assertThat(audit.get("clean").asBoolean()).as(audit.toPrettyString()).isTrue();
        assertThat(audit.get("tampering")).isEmpty();
        assertThat(audit.get("violations")).isEmpty();
        assertThat(audit.get("eventsChecked").asLong()).isEqualTo(events);
        assertThat(audit.get("eventsNotYetLinked").asLong()).isZero();
        assertThat(audit.at("/chainHead/globalIndex").asLong()).isEqualTo(last);
        assertThat(audit.at("/chainHead/events").asLong()).isEqualTo(events);
    }

    /** The simple names of the event types stored, as the golden files name them. */
    static Set<String> storedEventTypes(String database) throws Exception {
        Set<String> types = new TreeSet<>();
        try (Connection connection = ReadModels.connect(database); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select distinct payloadType from domainEventEntry")) {
            while (rows.next()) {
                String type = rows.getString(1);
                types.add(type.substring(type.lastIndexOf('.') + 1));
            }
        }
        return types;
    }

    /** One golden file per event type the programme records: {@code <SimpleName>.rev1.json}. */
    static Set<String> goldenEventTypes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "shared-events", "src", "test", "resources",
                "golden-events"))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".rev1.json"))
                        .map(name -> name.substring(0, name.indexOf('.')))
                        .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * The whole database as plain SQL, without owners or grants (the test's login loads it). The {@code \restrict}
     * and unrestrict meta-command lines recent pg_dump releases add (a random key each time, which psql older than
     * those releases refuses) are left out: the file is trusted test data, loaded by whatever psql CI has.
     */
    private static void dump(String database, Path store) throws Exception {
        Path raw = Files.createTempFile("store", ".sql");
        try {
            UpgradeFixture.runClient("pg_dump", database, "--no-owner", "--no-privileges", "--format=plain",
                    "--file=" + raw.toAbsolutePath());
            List<String> lines = Files.readAllLines(raw, StandardCharsets.UTF_8).stream()
                                      .filter(line -> !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict "))
                                      .toList();
            Files.write(store, lines, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static String readme(String label, String database, List<String> forgotten, JsonNode audit,
                                 List<String> readModels) throws Exception {
        String commit = git("rev-parse", "HEAD");
        boolean modified = !git("status", "--porcelain", "--untracked-files=no").isBlank();
        List<String> counts = new ArrayList<>();
        counts.add("- events: " + ReadModels.number(database, "select count(*) from domainEventEntry")
                + ", of " + storedEventTypes(database).size() + " types (every type with a golden file), last at"
                + " global index " + ReadModels.number(database, "select max(globalIndex) from domainEventEntry"));
        counts.add("- history chain: " + audit.at("/chainHead/events").asLong() + " links, head at "
                + audit.at("/chainHead/globalIndex").asLong() + " (" + audit.at("/chainHead/link").asText()
                + "); the auditor's replay found it clean");
        counts.add("- devices: " + count(database, "inventory_device") + " (" + ReadModels.number(database,
                "select count(*) from inventory_device where state = 'HANDED_OVER'") + " handed over), storage media: "
                + count(database, "inventory_medium") + ", erasure records: " + count(database, "erasure_record"));
        counts.add("- donors: " + count(database, "donor_record") + ", agreements: "
                + count(database, "donor_agreement_record") + ", delivery files: " + count(database, "donor_batch_record"));
        counts.add("- partners: " + count(database, "partner_record") + ", contacts: " + count(database, "partner_contact")
                + ", referrals: " + count(database, "referral_record"));
        counts.add("- forgotten people (PersonalDataForgotten, key shredded): " + forgotten.size() + ", referrals "
                + String.join(", ", forgotten));
        counts.add("- ceremonies: " + count(database, "ceremony_record") + ", invitations: "
                + count(database, "ceremony_invitation"));
        counts.add("- read models' text: " + readModels.size() + " lines");
        return """
                # Upgrade fixture %s

                A small store written by the version below through its own command API, for
                `StoreWrittenByAnEarlierVersionIT` to start later versions on: they must start on it, rebuild its read
                models to the contents in `read-models.txt`, find it clean on the auditor's replay (history chain
                included), keep its forgotten people forgotten, and take new commands on its aggregates.

                - `store.sql`: `pg_dump --no-owner --no-privileges` (plain SQL) of the whole database both apps share,
                  as they left it after a graceful stop: event store, command-side lookups and personal-data keys,
                  read models, tokens, history chain, Flyway histories. `\\restrict` lines are left out. Loaded with
                  `psql -X -v ON_ERROR_STOP=1`.
                - `read-models.txt`: every read model's table, columns in name order, rows sorted (see
                  `ReadModels.readModels`); identical after a rebuild by the version that wrote it.

                Written by commit %s%s, with `UpgradeFixtureWriterIT` and `FixtureScenario`.

                Counts:

                %s

                Written once, by the version it is named after (the writer refuses an existing fixture), from
                the repository's root with:

                    TEST_POSTGRES_DATABASE_PREFIX=... ./mvnw -pl deploy -am verify -Dupgrade.fixture.write=true \\
                        -Dupgrade.fixture.label=%s -Dit.test=UpgradeFixtureWriterIT \\
                        -Dfailsafe.failIfNoSpecifiedTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false

                Checked with:

                    TEST_POSTGRES_DATABASE_PREFIX=... ./mvnw -pl deploy -am verify \\
                        -Dit.test=StoreWrittenByAnEarlierVersionIT -Dfailsafe.failIfNoSpecifiedTests=false \\
                        -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
                """.formatted(label, commit, modified ? " (with local changes)" : "", String.join("\n", counts), label);
    }

    private static long count(String database, String table) throws Exception {
        return ReadModels.number(database, "select count(*) from " + table);
    }

    private static String git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).directory(new File("..")).redirectErrorStream(true).start();
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", arguments) + ": " + output);
        }
        return output;
    }
}
