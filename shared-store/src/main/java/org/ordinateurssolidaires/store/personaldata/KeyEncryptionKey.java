package org.ordinateurssolidaires.store.personaldata;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * The key-encryption key that wraps every person's key (envelope encryption): a Tink keyset of AES-256-GCM keys,
 * one of them primary. New keys are wrapped under the primary; a key wrapped under any key of the keyset still
 * opens, which is what lets the keyset rotate: add a key and make it primary, re-wrap, then drop the old one.
 * The person's key id is the associated data, so that a wrapped key moved to another row does not open.
 */
public final class KeyEncryptionKey {

    /** Tink's ciphertexts start with a version byte and the id of the key that made them. */
    private static final int TINK_PREFIX = 5;

    private final KeysetHandle keyset;
    private final Aead aead;

    private KeyEncryptionKey(KeysetHandle keyset) throws GeneralSecurityException {
        this.keyset = keyset;
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException unavailable) {
            throw new ExceptionInInitializerError(unavailable);
        }
    }

    /** From a keyset in Tink's JSON format, as Tinkey writes it (unencrypted: keep it as a secret). */
    public static KeyEncryptionKey of(String jsonKeyset) {
        try {
            return new KeyEncryptionKey(TinkJsonProtoKeysetFormat.parseKeyset(jsonKeyset,
                    RegistryConfiguration.get(), InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            throw new IllegalArgumentException("not a Tink keyset of AEAD keys in JSON", unreadable);
        }
    }

    /** A new keyset of one AES-256-GCM key, in Tink's JSON format. */
    public static String newKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(
                    PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get()), RegistryConfiguration.get(),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    byte[] wrap(byte[] key, String keyId) {
        try {
            return aead.encrypt(key, associatedData(keyId));
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("could not wrap the key " + keyId, failed);
        }
    }

    byte[] unwrap(byte[] wrapped, String keyId) {
        try {
            return aead.decrypt(wrapped, associatedData(keyId));
        } catch (GeneralSecurityException noKeyOfTheKeysetOpensIt) {
            throw new IllegalStateException("the key " + keyId + " is wrapped under no key of the configured"
                    + " keyset (was a key dropped from it before every person's key was re-wrapped?)",
                    noKeyOfTheKeysetOpensIt);
        }
    }

    /** Whether the key was wrapped under the keyset's primary key, which new keys are wrapped under. */
    boolean wrappedUnderPrimary(byte[] wrapped) {
        return wrapped.length > TINK_PREFIX && ByteBuffer.wrap(wrapped, 1, 4).getInt() == keyset.getPrimary().getId();
    }

    private static byte[] associatedData(String keyId) {
        return keyId.getBytes(StandardCharsets.UTF_8);
    }
}
