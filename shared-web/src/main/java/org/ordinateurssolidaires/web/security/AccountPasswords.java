package org.ordinateurssolidaires.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;

/**
 * Signs a caller in with a local account's password, and remembers for a few minutes that a password matched its
 * account's hash, so that a program sending HTTP Basic with every request pays BCrypt once, not per request: at the
 * default cost BCrypt held the command API to about 20 requests a second on two cores (docs/benchmarks.md).
 * Apache's mod_authn_socache and Caddy's basic-auth cache do the same.
 * <p>
 * The remembering sits here, after the account was found, not in the password encoder: for an unknown name Spring
 * checks the password against a hash of its own, to take as long as a real check, and that check must never be
 * remembered, or an unknown name would answer faster than a known one. Nor is a deactivated account's: Spring
 * checks its password too before refusing it, to take as long as for any account, and a remembered match would
 * answer its right password faster than a wrong one, telling whoever tries that they hold it.
 * <p>
 * What is remembered is an HMAC, under a key made for this process, of the stored hash and the password: no
 * password and nothing a guess could be tried against without that key. Nothing needs forgetting when an account
 * changes: a new password means a new hash, and the account is read, and refused if deactivated, at every request.
 * Only matches are remembered, so a wrong password always costs a whole BCrypt check.
 */
final class AccountPasswords extends DaoAuthenticationProvider {

    private static final int MOST_REMEMBERED = 10_000;

    private final Cache<String, Boolean> matches;
    private final PasswordFingerprints fingerprints = new PasswordFingerprints();

    AccountPasswords(UserDetailsService accounts, PasswordEncoder passwords, Duration remembered, Ticker clock) {
        super(accounts);
        setPasswordEncoder(passwords);
        this.matches = Caffeine.newBuilder().maximumSize(MOST_REMEMBERED).expireAfterWrite(remembered).ticker(clock)
                               .build();
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails account, UsernamePasswordAuthenticationToken presented) {
        Object password = presented.getCredentials();
        String storedHash = account.getPassword();
        if (password == null || storedHash == null) {
            super.additionalAuthenticationChecks(account, presented);
            return;
        }
        String fingerprint = fingerprints.of(storedHash, password.toString());
        boolean usable = account.isEnabled() && account.isAccountNonLocked() && account.isAccountNonExpired()
                         && account.isCredentialsNonExpired();
        if (!usable || matches.getIfPresent(fingerprint) == null) {
            super.additionalAuthenticationChecks(account, presented); // refuses a wrong password
            if (usable) {
                matches.put(fingerprint, Boolean.TRUE);
            }
        }
    }
}
