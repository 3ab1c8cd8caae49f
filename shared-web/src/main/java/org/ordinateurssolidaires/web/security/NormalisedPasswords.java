package org.ordinateurssolidaires.web.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.text.Normalizer;

/**
 * Passwords are hashed and checked in Unicode's NFKC form (NIST SP 800-63B 5.1.1.2), so that "é" typed as one
 * character on one keyboard and as "e" and a combining accent on another is the same password. A hash made before
 * (of the password as typed) still matches it typed the same way.
 */
public final class NormalisedPasswords implements PasswordEncoder {

    private final PasswordEncoder hashes;

    NormalisedPasswords(PasswordEncoder hashes) {
        this.hashes = hashes;
    }

    /** The password as it is hashed: the rules on its length in bytes apply to this form. */
    public static String normalised(CharSequence password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    @Override
    public String encode(CharSequence password) {
        return hashes.encode(normalised(password));
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        if (password == null) {
            return hashes.matches(null, hash);
        }
        String normalised = normalised(password);
        return hashes.matches(normalised, hash)
               || !normalised.contentEquals(password) && hashes.matches(password, hash); // hashed as typed before
    }

    @Override
    public boolean upgradeEncoding(String hash) {
        return hashes.upgradeEncoding(hash);
    }
}
