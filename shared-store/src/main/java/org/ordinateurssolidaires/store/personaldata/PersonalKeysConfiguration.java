package org.ordinateurssolidaires.store.personaldata;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcOperations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key-encryption key both apps wrap and unwrap the per-person keys with: the keyset given by
 * {@code ordinateurs.personal-data.key-encryption-keyset} (Tink JSON; production), or else the one in the file
 * {@code ...key-encryption-keyset-file} (the embedded default: {@code data/key-encryption-keyset.json}), which the
 * first app to start writes, readable by its owner only. With neither, the app does not start: there is no
 * default key.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnBean(JdbcOperations.class)
public class PersonalKeysConfiguration {

    @Bean
    KeyEncryptionKey keyEncryptionKey(@Value("${ordinateurs.personal-data.key-encryption-keyset:}") String keyset,
                                      @Value("${ordinateurs.personal-data.key-encryption-keyset-file:}") String file)
            throws IOException {
        if (!keyset.isBlank()) {
            return KeyEncryptionKey.of(keyset);
        }
        if (file.isBlank()) {
            throw new IllegalStateException("No key-encryption key: set ORDINATEURS_PERSONAL_DATA_KEY_ENCRYPTION_KEYSET"
                    + " (a Tink keyset in JSON, docs/security.md) or ..._KEYSET_FILE");
        }
        return KeyEncryptionKey.of(readOrCreate(Path.of(file).toAbsolutePath()));
    }

    @Bean
    PersonalKeys personalKeys(JdbcOperations jdbc, KeyEncryptionKey keyEncryptionKey) {
        return new PersonalKeys(jdbc, keyEncryptionKey);
    }

    /** Both apps may start at once on a new installation: the file is linked into place whole, by one of them. */
    private static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            Path draft = Files.createTempFile(file.getParent(), ".key-encryption-keyset", ".tmp");
            try {
                ownerOnly(draft);
                Files.writeString(draft, KeyEncryptionKey.newKeyset(), StandardCharsets.UTF_8);
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
