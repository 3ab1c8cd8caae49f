package org.ordinateurssolidaires.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Remembers, for a few minutes, that a password matched a stored hash, so that a program sending HTTP Basic with
 * every request pays BCrypt once, not per request: at the default cost BCrypt held the command API to about 20
 * requests a second on two cores (docs/benchmarks.md). Apache's mod_authn_socache and Caddy's basic-auth cache
 * do the same.
 * <p>
 * What is remembered is an HMAC, under a key made for this process, of the stored hash and the password: no
 * password and nothing a guess could be tried against without that key. Nothing needs forgetting when an account
 * changes: a new password means a new hash, and the account is still read, and checked for being enabled, at every
 * request ({@code DaoAuthenticationProvider} checks it before the password). Only matches are remembered, so a
 * wrong password always costs a whole BCrypt check, and a guesser gains nothing.
 */
final class RememberedPasswordChecks implements PasswordEncoder {

    private static final int MOST_REMEMBERED = 10_000;

    private final PasswordEncoder checks;
    private final Cache<String, Boolean> matches;
    private final SecretKey key;

    RememberedPasswordChecks(PasswordEncoder checks, Duration remembered, Ticker clock) {
        this.checks = checks;
        this.matches = Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).expireAfterWrite(remembered).ticker(clock)
                               .build();
        try {
            this.key = KeyGenerator.getInstance("HmacSHA256").generateKey();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }

    @Override
    public String encode(CharSequence password) {
        return checks.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String storedHash) {
        if (password == null || storedHash == null) {
            return checks.matches(password, storedHash);
        }
        String remembered = fingerprint(password, storedHash);
        if (matches.getIfPresent(remembered) != null) {
            return true;
        }
        boolean matched = checks.matches(password, storedHash);
        if (matched) {
            matches.put(remembered, Boolean.TRUE);
        }
        return matched;
    }

    @Override
    public boolean upgradeEncoding(String storedHash) {
        return checks.upgradeEncoding(storedHash);
    }

    /** Length-prefixed, so that no other (hash, password) pair gives the same bytes. */
    private String fingerprint(CharSequence password, String storedHash) {
        byte[] hash = storedHash.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(hash.length).array());
            mac.update(hash);
            return HexFormat.of().formatHex(mac.doFinal(secret));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }
}
