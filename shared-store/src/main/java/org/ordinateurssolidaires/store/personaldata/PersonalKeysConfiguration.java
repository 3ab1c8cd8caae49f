package org.ordinateurssolidaires.store.personaldata;

import org.ordinateurssolidaires.store.KeysetFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcOperations;

import java.io.IOException;

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
        return KeyEncryptionKey.of(KeysetFiles.configured(keyset, file,
                "ORDINATEURS_PERSONAL_DATA_KEY_ENCRYPTION_KEYSET", KeyEncryptionKey::newKeyset));
    }

    @Bean
    PersonalKeys personalKeys(JdbcOperations jdbc, KeyEncryptionKey keyEncryptionKey) {
        return new PersonalKeys(jdbc, keyEncryptionKey);
    }
}
