package org.ordinateurssolidaires.web.security;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * What a password is remembered by for a few minutes: an HMAC of it and what it goes with (its account's hash, its
 * username), under a key made for this process and never kept. Nothing a guess could be tried against without that
 * key, and nothing left once the process ends.
 */
final class PasswordFingerprints {

    private final SecretKey key;

    PasswordFingerprints() {
        try {
            this.key = KeyGenerator.getInstance("HmacSHA256").generateKey();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    /** Length-prefixed, so that no other (context, password) pair gives the same bytes. */
    String of(String context, String password) {
        byte[] prefix = context.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(prefix.length).array());
            mac.update(prefix);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }
}
