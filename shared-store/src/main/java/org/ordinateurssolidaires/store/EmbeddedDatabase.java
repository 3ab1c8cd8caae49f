package org.ordinateurssolidaires.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The embedded default's H2 database is a file that both apps open; the first one to open it also serves it to
 * the second over TCP (H2's {@code AUTO_SERVER}), a server that H2 opens on every interface of the machine
 * unless told otherwise. Households' personal data is in that file: it stays on this machine, and with its
 * owner, for H2's lock file beside it tells anyone who can read it how to reach that server.
 */
public final class EmbeddedDatabase {

    private static final String H2_FILE = "jdbc:h2:file:";

    /** H2's own system property for the address its servers listen on. */
    static final String BIND_ADDRESS = "h2.bindAddress";

    private EmbeddedDatabase() {
    }

    /** Call first in {@code main}, before H2 is loaded: it reads the property once. An address set already wins. */
    public static void listenOnLoopbackUnlessConfigured() {
        if (System.getProperty(BIND_ADDRESS) == null) {
            System.setProperty(BIND_ADDRESS, "127.0.0.1");
        }
    }

    /**
     * Makes the folder of an embedded database file readable by its owner only (created so if absent), before
     * H2 opens the file: the database, its lock file (the server's port and key) and the secrets kept beside them
     * (the first admin's password, the key-encryption keyset) are then out of other local users' reach. Nothing
     * for another database than an H2 file.
     */
    public static void keepFolderOwnerOnly(String datasourceUrl) throws IOException {
        Optional<Path> found = folderOf(datasourceUrl);
        if (found.isEmpty()) {
            return;
        }
        Path folder = found.get();
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder takes its parent's access rules (the user's own profile, as a rule)
        }
    }

    /**
     * Runs one app's schema migration while no other process migrates the same embedded database file. Both apps
     * start at once on a new installation, and H2 lets two sessions' DDL lock each other: each waited for the
     * other until H2's lock timeout failed one migration, and that app did not start. A lock on a file beside the
     * database makes the second app wait for the first one's whole migration instead. Other stores migrate at once.
     */
    public static void migrateOneAtATime(String datasourceUrl, Runnable migration) throws IOException {
        Optional<Path> folder = folderOf(datasourceUrl);
        if (folder.isEmpty()) {
            migration.run();
            return;
        }
        Files.createDirectories(folder.get());
        try (FileChannel channel = FileChannel.open(folder.get().resolve("migration.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = channel.lock()) { // waits while the other app holds it
            migration.run();
        }
    }

    private static Optional<Path> folderOf(String datasourceUrl) {
        if (!datasourceUrl.startsWith(H2_FILE)) {
            return Optional.empty();
        }
        String file = datasourceUrl.substring(H2_FILE.length()).split(";", 2)[0];
        return Optional.of(Path.of(file).toAbsolutePath().normalize().getParent());
    }
}
