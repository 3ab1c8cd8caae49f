package org.ordinateurssolidaires.command.referral;

import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Crypto-shredding: each person's data is encrypted (AES-256-GCM) under a key of its own, kept in a table outside
 * the event store. Deleting the key forgets the person for good, while the events that hold the ciphertext, and
 * the audit trail they make, stay whole. Used inside the command's transaction, so a key exists exactly when the
 * event that needs it was stored.
 */
@Component
public class PersonalDataVault {

    /** AES-256. */
    private static final int KEY_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    PersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the person's key and encrypts their data with it. */
    public EncryptedPersonalData seal(String keyId, PersonalData data) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        jdbc.update("insert into personal_data_key (key_id, secret) values (?, ?)", keyId, key);
        return EncryptedPersonalData.seal(keyId, key, data);
    }

    /** The data in clear, or nothing once the person was forgotten. */
    public Optional<PersonalData> open(EncryptedPersonalData sealed) {
        return jdbc.queryForList("select secret from personal_data_key where key_id = ?", byte[].class, sealed.keyId())
                   .stream().findFirst().map(sealed::open);
    }

    /** Deletes the key: the ciphertext wherever it is stored becomes noise. */
    public void forget(String keyId) {
        jdbc.update("delete from personal_data_key where key_id = ?", keyId);
    }
}
