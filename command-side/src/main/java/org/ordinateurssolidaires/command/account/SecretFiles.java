package org.ordinateurssolidaires.command.account;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Passwords the app makes for the person who runs it, in a file only that person may read. */
public final class SecretFiles {

    private SecretFiles() {
    }

    public static void writeForOwnerOnly(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file); // Windows: the file takes its folder's access rules
        }
        Files.writeString(file, secret + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
