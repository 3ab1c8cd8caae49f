package org.ordinateurssolidaires.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's folder is its owner's alone, made so before H2 opens the file, and two processes
 * migrate its file one after the other; no other store is touched.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path workingDirectory;

    @Test
    void makesTheFolderOfAnH2FileOwnerOnly() throws IOException {
        Path existing = Files.createDirectory(workingDirectory.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        EmbeddedDatabase.keepFolderOwnerOnly("jdbc:h2:file:" + existing + "/ordinateurs-solidaires;MODE=PostgreSQL");
        EmbeddedDatabase.keepFolderOwnerOnly("jdbc:h2:file:" + workingDirectory + "/new/db;AUTO_SERVER=TRUE");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(workingDirectory.resolve("new"))))
                .isEqualTo("rwx------");
    }

    @Test
    void leavesOtherStoresAlone() throws IOException {
        EmbeddedDatabase.keepFolderOwnerOnly("jdbc:postgresql://127.0.0.1:5432/ordinateurs_solidaires");
        EmbeddedDatabase.keepFolderOwnerOnly("");

        try (var entries = Files.list(workingDirectory)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void anAppMigratesOnlyOnceTheOtherProcessHasFinishedMigrating() throws Exception {
        String url = "jdbc:h2:file:" + workingDirectory + "/data/ordinateurs-solidaires;AUTO_SERVER=TRUE";
        Path finished = workingDirectory.resolve("the other app finished migrating");
        Process otherApp = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherApp.class.getName(), url, finished.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(otherApp.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(said.readLine()).isEqualTo("migrating");

            AtomicBoolean otherHadFinished = new AtomicBoolean();
            EmbeddedDatabase.migrateOneAtATime(url, () -> otherHadFinished.set(Files.exists(finished)));

            assertThat(otherHadFinished).as("the other app had finished when this one began").isTrue();
        } finally {
            assertThat(otherApp.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** The app that started first: says when it begins migrating, and leaves a file when it has finished. */
    static final class OtherApp {

        public static void main(String[] args) throws Exception {
            EmbeddedDatabase.migrateOneAtATime(args[0], () -> {
                System.out.println("migrating");
                System.out.flush();
                try {
                    Thread.sleep(1_000); // long enough for the test's own migration to try to begin meanwhile
                    Files.createFile(Path.of(args[1]));
                } catch (IOException | InterruptedException failed) {
                    throw new IllegalStateException(failed);
                }
            });
        }
    }

    @Test
    void otherStoresMigrateAtOnce() throws IOException {
        AtomicBoolean migrated = new AtomicBoolean();

        EmbeddedDatabase.migrateOneAtATime("jdbc:postgresql://127.0.0.1:5432/ordinateurs_solidaires",
                () -> migrated.set(true));

        assertThat(migrated).isTrue();
        try (var entries = Files.list(workingDirectory)) {
            assertThat(entries).isEmpty();
        }
    }
}
