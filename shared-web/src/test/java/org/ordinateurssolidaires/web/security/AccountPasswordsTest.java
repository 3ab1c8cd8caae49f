package org.ordinateurssolidaires.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RememberedPasswordChecksTest {

    private final CountedChecks bcrypt = new CountedChecks();
    private final AtomicLong nanos = new AtomicLong();
    private final RememberedPasswordChecks passwords =
            new RememberedPasswordChecks(bcrypt, Duration.ofMinutes(5), nanos::get);
    private final String stored = passwords.encode("le mot de passe de Claire");

    @Test
    void aPasswordThatMatchedIsNotCheckedAgainForAWhile() {
        assertThat(passwords.matches("le mot de passe de Claire", stored)).isTrue();
        assertThat(passwords.matches("le mot de passe de Claire", stored)).isTrue();
        assertThat(passwords.matches("le mot de passe de Claire", stored)).isTrue();

        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverAccepted() {
        passwords.matches("le mot de passe de Claire", stored);

        assertThat(passwords.matches("le mot de passe de claire", stored)).isFalse();
        assertThat(passwords.matches("le mot de passe de claire", stored)).isFalse();
        assertThat(passwords.matches("le mot de passe de Claire ", stored)).isFalse();

        assertThat(bcrypt.checks.get()).isEqualTo(4);
    }

    @Test
    void aNewPasswordHashIsCheckedAfreshAndTheOldPasswordRefused() {
        passwords.matches("le mot de passe de Claire", stored);
        String changed = passwords.encode("un autre mot de passe");

        assertThat(passwords.matches("le mot de passe de Claire", changed)).isFalse();
        assertThat(passwords.matches("un autre mot de passe", changed)).isTrue();

        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void theSamePasswordOfAnotherAccountIsCheckedAgainstItsOwnHash() {
        passwords.matches("le mot de passe de Claire", stored);
        String anotherAccountsHash = passwords.encode("le mot de passe de Claire");

        assertThat(passwords.matches("le mot de passe de Claire", anotherAccountsHash)).isTrue();

        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    @Test
    void aMatchIsForgottenAfterItsTime() {
        passwords.matches("le mot de passe de Claire", stored);
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());

        assertThat(passwords.matches("le mot de passe de Claire", stored)).isTrue();

        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    /** BCrypt at its least cost, counting its checks. */
    private static final class CountedChecks implements PasswordEncoder {

        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        private final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence password) {
            return bcrypt.encode(password);
        }

        @Override
        public boolean matches(CharSequence password, String storedHash) {
            checks.incrementAndGet();
            return bcrypt.matches(password, storedHash);
        }
    }
}
