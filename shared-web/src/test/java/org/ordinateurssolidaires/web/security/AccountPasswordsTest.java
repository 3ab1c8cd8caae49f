package org.ordinateurssolidaires.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountPasswordsTest {

    private static final String PASSWORD = "le mot de passe de Claire";

    private final CountedChecks bcrypt = new CountedChecks();
    private final AtomicLong nanos = new AtomicLong();
    private final InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(
            User.withUsername("claire").password(bcrypt.encode(PASSWORD)).roles("STAFF").build());
    private final AccountPasswords signIn = new AccountPasswords(accounts, bcrypt, Duration.ofMinutes(5), nanos::get);

    @Test
    void aPasswordThatMatchedIsNotCheckedAgainForAWhile() {
        signIn("claire", PASSWORD);
        signIn("claire", PASSWORD);
        signIn("claire", PASSWORD);

        assertThat(bcrypt.checks.get()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndRefused() {
        signIn("claire", PASSWORD);

        assertThatThrownBy(() -> signIn("claire", "le mot de passe de claire"))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn("claire", "le mot de passe de claire"))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    /** Spring checks an unknown name's password against a hash of "userNotFoundPassword", to take as long. */
    @Test
    void anUnknownNameCostsAWholeCheckEveryTimeWhateverThePassword() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn("inconnu", "userNotFoundPassword"))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void aNewPasswordIsCheckedAfreshAndTheOldOneRefused() {
        signIn("claire", PASSWORD);
        accounts.updateUser(User.withUsername("claire").password(bcrypt.encode("un autre mot de passe"))
                                .roles("STAFF").build());

        assertThatThrownBy(() -> signIn("claire", PASSWORD)).isInstanceOf(BadCredentialsException.class);
        signIn("claire", "un autre mot de passe");

        assertThat(bcrypt.checks.get()).isEqualTo(3);
    }

    @Test
    void aDeactivatedAccountIsRefusedThoughItsPasswordWasRemembered() {
        signIn("claire", PASSWORD);
        accounts.updateUser(User.withUserDetails(accounts.loadUserByUsername("claire")).disabled(true).build());

        assertThatThrownBy(() -> signIn("claire", PASSWORD)).isInstanceOf(DisabledException.class);
    }

    /** Found by an outside probe: the right password of a deactivated account answered faster than a wrong one. */
    @Test
    void aDeactivatedAccountsRightPasswordCostsAWholeCheckEveryTime() {
        signIn("claire", PASSWORD);
        accounts.updateUser(User.withUserDetails(accounts.loadUserByUsername("claire")).disabled(true).build());
        accounts.createUser(User.withUsername("dominique").password(bcrypt.encode(PASSWORD)).roles("STAFF")
                                .disabled(true).build());

        for (String username : new String[]{"claire", "claire", "dominique", "dominique"}) {
            assertThatThrownBy(() -> signIn(username, PASSWORD)).isInstanceOf(DisabledException.class);
        }

        assertThat(bcrypt.checks.get()).isEqualTo(5);
    }

    @Test
    void aMatchIsForgottenAfterItsTime() {
        signIn("claire", PASSWORD);
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());

        signIn("claire", PASSWORD);

        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    private void signIn(String username, String password) {
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                         .isAuthenticated()).isTrue();
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
