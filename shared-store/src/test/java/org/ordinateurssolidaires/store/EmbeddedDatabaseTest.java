package org.ordinateurssolidaires.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database's folder is its owner's alone, made so before H2 opens the file; no other store's. */
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
}
