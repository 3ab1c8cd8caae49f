package org.ordinateurssolidaires.deploy.upgrade;

import org.ordinateurssolidaires.testing.PostgresTestDatabase;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the upgrade fixture's writer ({@link UpgradeFixtureWriterIT}) and its reader
 * ({@link StoreWrittenByAnEarlierVersionIT}) share: where the fixture lies, and how it is loaded. The read models
 * they compare are read with {@link org.ordinateurssolidaires.deploy.ReadModels}.
 */
final class UpgradeFixture {

    /** The fixture written by the last release on Spring Boot 3.5. */
    static final String EARLIEST = "0.1.0-boot-3.5";
    static final String STORE = "store.sql";
    static final String READ_MODELS = "read-models.txt";

    private UpgradeFixture() {
    }

    /** Runs a PostgreSQL client program on the database; fails with its output unless it exits with 0. */
    static void runClient(String program, String databaseUrl, String... arguments) throws IOException,
            InterruptedException {
        File output = File.createTempFile(program, ".log");
        try {
            Process process = PostgresTestDatabase.client(program, databaseUrl, arguments)
                                                  .redirectErrorStream(true).redirectOutput(output).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(program + " did not end within 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(program + " exited with " + process.exitValue() + ": "
                        + Files.readString(output.toPath(), StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    /** Loads a plain SQL dump into the database, stopping at the first error. */
    static void load(Path dump, String databaseUrl) throws IOException, InterruptedException {
        runClient("psql", databaseUrl, "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1",
                "--file=" + dump.toAbsolutePath());
    }
}
