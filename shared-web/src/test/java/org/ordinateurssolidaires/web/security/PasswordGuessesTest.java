package org.ordinateurssolidaires.web.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordGuessesTest {

    private static final String PASSWORD = "le mot de passe de Claire";
    private static final String GUESSER = "203.0.113.7";

    private final AtomicLong nanos = new AtomicLong();
    private final Passwords passwords = new Passwords();
    private final PasswordGuesses guesses = new PasswordGuesses(passwords, 5, Duration.ofMinutes(15), nanos::get);

    @Test
    void afterFiveWrongPasswordsEachTryWaitsTwiceAsLongAsTheLastUncheckedMeanwhile() {
        wrongPasswords(5, GUESSER);

        assertPaused("claire", GUESSER, 1);
        assertThat(passwords.checks).as("checked during the pause").hasValue(5);
        later(Duration.ofSeconds(1));
        assertThatThrownBy(() -> signIn("claire", "encore faux", GUESSER)).isInstanceOf(BadCredentialsException.class);
        assertPaused("claire", GUESSER, 2);
        later(Duration.ofSeconds(2));
        assertThatThrownBy(() -> signIn("claire", "toujours faux", GUESSER))
                .isInstanceOf(BadCredentialsException.class);
        assertPaused("claire", GUESSER, 4);
        assertThat(passwords.checks).hasValue(7);
    }

    @Test
    void theRightPasswordAfterThePauseSignsInAndForgetsTheWrongOnes() {
        wrongPasswords(5, GUESSER);
        later(Duration.ofSeconds(1));

        assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).isTrue();

        wrongPasswords(4, GUESSER);
        assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).as("four wrong ones again: no pause")
                                                                          .isTrue();
    }

    /** A pause per account alone would let anyone keep Claire out by typing wrong passwords for her. */
    @Test
    void theAccountsOwnerElsewhereAndOtherAccountsAreNotPaused() {
        wrongPasswords(5, GUESSER);

        assertThat(signIn("claire", PASSWORD, "198.51.100.20").isAuthenticated()).isTrue();
        assertThat(signIn("bruno", PASSWORD, GUESSER).isAuthenticated()).isTrue();
        assertPaused("CLAIRE", GUESSER, 1);
    }

    @Test
    void thePauseStopsDoublingAtItsLongestAndWrongPasswordsAreForgottenInTime() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> signIn("claire", "faux", GUESSER)).isInstanceOf(BadCredentialsException.class);
            later(Duration.ofMinutes(15));
        }
        later(Duration.ofMinutes(-15));

        assertPaused("claire", GUESSER, 15 * 60);
        later(Duration.ofMinutes(31));
        wrongPasswords(4, GUESSER);
        assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).isTrue();
    }

    /** Names no account can have (longer than 64 characters) are counted together, not each kept in memory. */
    @Test
    void namesLongerThanAnyAccountsAreCountedTogether() {
        for (int i = 0; i < 5; i++) {
            String name = "x".repeat(4000) + i;
            assertThatThrownBy(() -> signIn(name, "faux", GUESSER)).isInstanceOf(BadCredentialsException.class);
        }

        assertPaused("y".repeat(65), GUESSER, 1);
    }

    /** Sent all at once before any was refused: no more are checked than the refusals allowed, the others wait. */
    @Test
    void triesSentAllAtOnceAreCheckedNoMoreThanTheRefusalsAllowed() throws Exception {
        CountDownLatch fiveChecking = new CountDownLatch(5);
        CountDownLatch answer = new CountDownLatch(1);
        passwords.meanwhile = () -> { };
        passwords.holding = () -> {
            fiveChecking.countDown();
            await(answer);
        };
        ExecutorService guessers = Executors.newFixedThreadPool(12);
        try {
            List<Future<Class<?>>> refusals = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String guess = "essai " + i;
                refusals.add(guessers.submit(() -> refusalOf(() -> signIn("claire", guess, GUESSER))));
            }
            assertThat(fiveChecking.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // the seven others, had they not waited, would be checked by now
            assertThat(passwords.checks).as("checked at once").hasValue(5);
            answer.countDown();

            List<Class<?>> answered = new ArrayList<>();
            for (Future<Class<?>> refusal : refusals) {
                answered.add(refusal.get(10, TimeUnit.SECONDS));
            }
            assertThat(answered).filteredOn(BadCredentialsException.class::equals).hasSize(5);
            assertThat(answered).filteredOn(PasswordGuesses.Paused.class::equals).hasSize(7);
        } finally {
            guessers.shutdownNow();
        }
    }

    /**
     * Fifty names tried from one address, each refused once: the address pauses, for every account, as an account
     * does after five; another address is not held to it. Each refusal costs a BCrypt check: a thousand unknown
     * names from one address took both cores for a minute and a half.
     */
    @Test
    void afterFiftyRefusalsFromOneAddressWhateverTheNamesEachTryThereWaits() {
        for (int name = 0; name < 50; name++) {
            String guessed = "personne" + name;
            assertThatThrownBy(() -> signIn(guessed, "faux", GUESSER)).isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> signIn("claire", PASSWORD, GUESSER))
                .isInstanceOfSatisfying(PasswordGuesses.Paused.class, paused -> assertThat(paused)
                        .hasMessage("too many refused sign-ins from this address: try again in 1 s"));
        assertThat(passwords.checks).as("checked during the pause").hasValue(50);
        assertThat(signIn("claire", PASSWORD, "198.51.100.20").isAuthenticated()).isTrue();
        later(Duration.ofSeconds(1));
        assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).as("once the pause is over").isTrue();
    }

    /**
     * A sign-in that passes from an address forgets its refusals there, as it does an account's: checked, or a name
     * and password that signed in lately (a program's requests, each sending them).
     */
    @Test
    void aSignInThatPassesForgetsTheAddresssRefusals() {
        for (int name = 0; name < 147; name++) {
            String guessed = "personne" + name;
            assertThatThrownBy(() -> signIn(guessed, "faux", GUESSER)).isInstanceOf(BadCredentialsException.class);
            if (name == 48 || name == 97) {
                assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).isTrue();
            }
        }
        assertThat(passwords.checks).hasValue(149);
    }

    /** A program's requests sent together, its password right: each waits its turn, none is refused. */
    @Test
    void aProgramsRequestsSentTogetherWithTheRightPasswordAllPass() throws Exception {
        ExecutorService program = Executors.newFixedThreadPool(16);
        try {
            List<Future<Authentication>> requests = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                requests.add(program.submit(() -> signIn("claire", PASSWORD, GUESSER)));
            }
            for (Future<Authentication> request : requests) {
                assertThat(request.get(10, TimeUnit.SECONDS).isAuthenticated()).isTrue();
            }
        } finally {
            program.shutdownNow();
        }
    }

    /**
     * A name and password that signed in lately from an address are no guess there: not held to turns, nor to a
     * pause from there.
     */
    @Test
    void aPasswordThatSignedInLatelyIsNoGuess() throws Exception {
        assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).isTrue();
        wrongPasswords(5, GUESSER);
        assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).as("during the pause").isTrue();

        assertThat(signIn("claire", PASSWORD, "198.51.100.20").isAuthenticated()).isTrue();
        CountDownLatch allChecking = new CountDownLatch(12);
        passwords.holding = () -> {
            allChecking.countDown();
            await(allChecking);
        };
        ExecutorService program = Executors.newFixedThreadPool(12);
        try {
            List<Future<Authentication>> requests = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                requests.add(program.submit(() -> signIn("claire", PASSWORD, "198.51.100.20")));
            }
            for (Future<Authentication> request : requests) {
                assertThat(request.get(10, TimeUnit.SECONDS).isAuthenticated()).as("all checked at once").isTrue();
            }
        } finally {
            program.shutdownNow();
        }
    }

    /**
     * Found by an outside probe: a password that signed in lately passed a pause from any address, so that whoever
     * guessed from a paused one saw the right password pass where every wrong one was refused unchecked.
     */
    @Test
    void aPasswordThatSignedInFromElsewhereIsAGuessHere() {
        assertThat(signIn("claire", PASSWORD, "198.51.100.20").isAuthenticated()).isTrue();
        wrongPasswords(5, GUESSER);

        assertPaused("claire", GUESSER, 1);
        assertThat(signIn("claire", PASSWORD, "198.51.100.20").isAuthenticated()).as("where it signed in").isTrue();
    }

    /** Deactivated since it signed in, its right password is refused and counted as a wrong one, then waits alike. */
    @Test
    void aPasswordThatSignedInLatelyRefusedSinceIsAGuessAgain() {
        assertThat(signIn("claire", PASSWORD, GUESSER).isAuthenticated()).isTrue();
        wrongPasswords(4, GUESSER);
        passwords.claireDeactivated = true;

        assertThatThrownBy(() -> signIn("claire", PASSWORD, GUESSER)).isInstanceOf(DisabledException.class);

        assertPaused("claire", GUESSER, 1);
    }

    /** A deactivated account's refusal counts as a wrong password's: a pause tells nothing of which it is. */
    @Test
    void aDeactivatedAccountsRefusalsArePausedAlike() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn("ancien", PASSWORD, GUESSER)).isInstanceOf(DisabledException.class);
        }

        assertPaused("ancien", GUESSER, 1);
    }

    /** Tries sent together once the pauses began: one is checked, the others refused until its pause is over. */
    @Test
    void triesSentTogetherDuringThePausesAreCheckedOneAPause() {
        wrongPasswords(5, GUESSER);
        later(Duration.ofSeconds(1));
        passwords.meanwhile = () -> assertPaused("claire", GUESSER, 1); // arrives while the first is checked

        assertThatThrownBy(() -> signIn("claire", "faux", GUESSER)).isInstanceOf(BadCredentialsException.class);

        assertThat(passwords.checks).hasValue(6);
    }

    private void wrongPasswords(int count, String address) {
        for (int i = 0; i < count; i++) {
            assertThatThrownBy(() -> signIn("claire", "faux", address)).isInstanceOf(BadCredentialsException.class);
        }
    }

    private void assertPaused(String username, String address, long seconds) {
        assertThatThrownBy(() -> signIn(username, PASSWORD, address))
                .isInstanceOfSatisfying(PasswordGuesses.Paused.class,
                        paused -> assertThat(paused.retryAfterSeconds()).isEqualTo(seconds));
    }

    private Authentication signIn(String username, String password, String address) {
        var presented = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        presented.setDetails(new WebAuthenticationDetails(address, null));
        return guesses.authenticate(presented);
    }

    private void later(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private static Class<?> refusalOf(Runnable signIn) {
        try {
            signIn.run();
            return null;
        } catch (RuntimeException refused) {
            return refused.getClass();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Claire's and Bruno's passwords, and "ancien", deactivated (Claire too once told), counting its checks; a check
     * may let another try arrive meanwhile, or be held.
     */
    private static final class Passwords implements AuthenticationProvider {

        private final AtomicInteger checks = new AtomicInteger();
        private volatile Runnable meanwhile = () -> { };
        private volatile Runnable holding = () -> { };
        private volatile boolean claireDeactivated;

        @Override
        public Authentication authenticate(Authentication presented) {
            checks.incrementAndGet();
            Runnable arriving = meanwhile;
            meanwhile = () -> { };
            arriving.run();
            holding.run();
            if ("ancien".equals(presented.getName()) || claireDeactivated && "claire".equals(presented.getName())) {
                throw new DisabledException("deactivated");
            }
            if (!PASSWORD.equals(presented.getCredentials())) {
                throw new BadCredentialsException("wrong password");
            }
            return UsernamePasswordAuthenticationToken.authenticated(presented.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }
}
