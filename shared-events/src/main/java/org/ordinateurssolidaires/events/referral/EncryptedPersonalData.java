package org.ordinateurssolidaires.events.referral;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A beneficiary's personal data (name, phone, e-mail, address, notes) as it is allowed into an event: its JSON
 * encrypted with AES-256-GCM under a key of that person's own, kept outside the event store. Erasing the key
 * forgets the person; the event, and the audit trail, stay whole. Sealing and opening live here, beside the
 * format, so that whoever holds the key reads what the command side wrote.
 *
 * @param keyId      the person's key in the key table
 * @param nonce      base64 of the 12-byte GCM nonce
 * @param ciphertext base64 of the encrypted JSON, GCM tag included
 */
public record EncryptedPersonalData(String keyId, String nonce, String ciphertext) {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Encrypts {@code data} under {@code key} (32 bytes), with a fresh nonce. */
    public static EncryptedPersonalData seal(String keyId, byte[] key, PersonalData data) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(data));
            return new EncryptedPersonalData(keyId, Base64.getEncoder().encodeToString(nonce),
                    Base64.getEncoder().encodeToString(sealed));
        } catch (GeneralSecurityException | IOException broken) {
            throw new IllegalStateException("could not encrypt personal data " + keyId, broken);
        }
    }

    /** The data in clear; fails if {@code key} is not the one it was sealed with or the ciphertext was altered. */
    public PersonalData open(byte[] key) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(nonce)));
            return JSON.readValue(cipher.doFinal(Base64.getDecoder().decode(ciphertext)), PersonalData.class);
        } catch (GeneralSecurityException | IOException broken) {
            throw new IllegalStateException("could not decrypt personal data " + keyId, broken);
        }
    }
}
