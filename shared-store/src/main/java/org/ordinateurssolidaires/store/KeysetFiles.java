package org.ordinateurssolidaires.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * The embedded default keeps its keys (Tink keysets in JSON) in files beside the database, made at the first start
 * and readable by their owner only. Production gives them through configuration instead.
 */
public final class KeysetFiles {

    private KeysetFiles() {
    }

    /**
     * The keyset given in configuration, else the one in {@code file} (see {@link #readOrCreate}); with neither, the
     * app does not start: there is no default key.
     *
     * @param setting the environment variable that gives the keyset, for the message
     */
    public static String configured(String keyset, String file, String setting, Supplier<String> newKeyset)
            throws IOException {
        if (!keyset.isBlank()) {
            return keyset;
        }
        if (file.isBlank()) {
            throw new IllegalStateException("No " + setting + ": set it to a Tink keyset in JSON (docs/security.md),"
                    + " or ..._FILE to a file holding one");
        }
        return readOrCreate(Path.of(file).toAbsolutePath(), newKeyset);
    }

    /**
     * The keyset in {@code file}, written first from {@code newKeyset} if there is none. Both apps may start at once
     * on a new installation: the file is linked into place whole, by one of them, and both read that one.
     */
    public static String readOrCreate(Path file, Supplier<String> newKeyset) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path draft = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                ownerOnly(draft);
                Files.writeString(draft, newKeyset.get(), StandardCharsets.UTF_8);
                Files.createLink(file, draft);
            } catch (FileAlreadyExistsException theOtherAppWasFirst) {
                // its keyset is the one both use
            } finally {
                Files.delete(draft);
            }
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file takes its folder's access rules
        }
    }
}
