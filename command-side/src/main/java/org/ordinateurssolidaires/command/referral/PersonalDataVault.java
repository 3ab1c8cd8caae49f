package org.ordinateurssolidaires.command.referral;

import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.store.personaldata.PersonalKeys;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Crypto-shredding: each person's data is encrypted (AES-256-GCM) under a key of its own, kept outside the event
 * store and wrapped by the key-encryption key ({@link PersonalKeys}). Deleting the key forgets the person for good,
 * while the events that hold the ciphertext, and the audit trail they make, stay whole. Used inside the command's
 * transaction, so a key exists exactly when the event that needs it was stored.
 */
@Component
public class PersonalDataVault {

    /** AES-256. */
    private static final int KEY_BYTES = 32;

    private final PersonalKeys keys;
    private final SecureRandom random = new SecureRandom();

    PersonalDataVault(PersonalKeys keys) {
        this.keys = keys;
    }

    /** Creates the person's key and encrypts their data with it. */
    public EncryptedPersonalData seal(String keyId, PersonalData data) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        keys.store(keyId, key);
        return EncryptedPersonalData.seal(keyId, key, data);
    }

    /** The data in clear, or nothing once the person was forgotten. */
    public Optional<PersonalData> open(EncryptedPersonalData sealed) {
        return keys.find(sealed.keyId()).map(sealed::open);
    }

    /** Deletes the key: the ciphertext wherever it is stored becomes noise. */
    public void forget(String keyId) {
        keys.delete(keyId);
    }
}
