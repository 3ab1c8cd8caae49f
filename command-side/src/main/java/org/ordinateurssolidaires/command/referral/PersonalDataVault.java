package org.ordinateurssolidaires.command.referral;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Crypto-shredding: each person's data is encrypted (AES-256-GCM) under a key of its own, kept in a table outside
 * the event store. Deleting the key forgets the person for good, while the events that hold the ciphertext, and
 * the audit trail they make, stay whole. Used inside the command's transaction, so a key exists exactly when the
 * event that needs it was stored.
 */
@Component
public class PersonalDataVault {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    PersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the person's key and encrypts their data with it. */
    public EncryptedPersonalData seal(String keyId, PersonalData data) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            jdbc.update("insert into personal_data_key (key_id, secret) values (?, ?)", keyId, key.getEncoded());
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(data));
            return new EncryptedPersonalData(keyId, Base64.getEncoder().encodeToString(nonce),
                    Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException | JsonProcessingException broken) {
            throw new IllegalStateException("could not encrypt personal data", broken);
        }
    }

    /** The data in clear, or nothing once the person was forgotten. */
    public Optional<PersonalData> open(EncryptedPersonalData sealed) {
        List<byte[]> secrets = jdbc.queryForList("select secret from personal_data_key where key_id = ?",
                byte[].class, sealed.keyId());
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secrets.get(0), "AES"),
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(sealed.nonce())));
            return Optional.of(JSON.readValue(cipher.doFinal(Base64.getDecoder().decode(sealed.ciphertext())),
                    PersonalData.class));
        } catch (GeneralSecurityException | IOException broken) {
            throw new IllegalStateException("could not decrypt personal data " + sealed.keyId(), broken);
        }
    }

    /** Deletes the key: the ciphertext wherever it is stored becomes noise. */
    public void forget(String keyId) {
        jdbc.update("delete from personal_data_key where key_id = ?", keyId);
    }
}
