package org.ordinateurssolidaires.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;

/**
 * Slows down whoever guesses an account's password (NIST SP 800-63B 5.2.2): after a few wrong passwords for one
 * account from one address, each further try from there waits twice as long as the last, up to a longest pause,
 * and a try made before its time is refused unchecked ({@link Paused}, 429 with Retry-After). A right password
 * forgets the wrong ones.
 * <p>
 * Counted per account <em>and</em> address, not per account: a pause per account would let anyone keep its owner
 * out by typing wrong passwords for it. Held in memory, per app: an app started again forgets, and each of the
 * two apps counts the tries made to it. Only wrong passwords (and unknown names) are counted, never a try that
 * could not be checked; the tries allowed before the first pause may be sent all at once, the later ones may not.
 */
final class PasswordGuesses implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordGuesses.class);
    /** Far more than the addresses guessing at once; beyond it, the least used are forgotten first. */
    private static final int MOST_KEPT = 50_000;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);

    private final AuthenticationProvider passwords;
    private final int allowed;
    private final Duration longestPause;
    private final Ticker clock;
    private final Cache<Guesser, Guesses> guesses;

    /**
     * @param allowed      wrong passwords allowed before the first pause
     * @param longestPause the pause between tries once it has doubled enough; wrong passwords are forgotten this
     *                     long after the last
     */
    PasswordGuesses(AuthenticationProvider passwords, int allowed, Duration longestPause, Ticker clock) {
        this.passwords = passwords;
        this.allowed = allowed;
        this.longestPause = longestPause;
        this.clock = clock;
        this.guesses = Caffeine.newBuilder().maximumSize(MOST_KEPT).expireAfterWrite(longestPause.multipliedBy(2))
                               .ticker(clock).build();
    }

    @Override
    public Authentication authenticate(Authentication presented) throws AuthenticationException {
        Guesser guesser = Guesser.of(presented);
        if (guesses.getIfPresent(guesser) != null) {
            takeTurn(guesser);
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(presented);
        } catch (BadCredentialsException wrong) {
            wrongPassword(guesser);
            throw wrong;
        }
        if (signedIn != null) {
            guesses.invalidate(guesser);
        }
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /** Refuses a try before its time; else holds the turn, so that tries sent together are checked one a pause. */
    private void takeTurn(Guesser guesser) {
        long now = clock.read();
        Guesses[] refused = new Guesses[1];
        guesses.asMap().computeIfPresent(guesser, (key, counted) -> {
            if (now < counted.notBefore()) {
                refused[0] = counted;
                return counted;
            }
            return counted.failures() < allowed ? counted
                    : new Guesses(counted.failures(), now + pauseAfter(counted.failures()));
        });
        if (refused[0] != null) {
            throw new Paused(Duration.ofNanos(refused[0].notBefore() - now));
        }
    }

    private void wrongPassword(Guesser guesser) {
        long now = clock.read();
        Guesses counted = guesses.asMap().merge(guesser, new Guesses(1, now), (before, one) -> {
            int failures = before.failures() + 1;
            return new Guesses(failures, failures < allowed ? now : now + pauseAfter(failures));
        });
        if (counted.failures() == allowed) {
            log.warn("Sign-ins paused for \"{}\" from {}: {} wrong passwords in a row; each further try waits",
                    RefusedSignIns.loggable(guesser.account()), guesser.address(), allowed);
        }
    }

    /** Doubles from the first pause with each wrong password beyond those allowed, up to the longest. */
    private long pauseAfter(int failures) {
        int doublings = Math.min(failures - allowed, 40);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
        return (pause.compareTo(longestPause) > 0 ? longestPause : pause).toNanos();
    }

    /** Who guesses: the account named, as accounts are found, and the address the try came from. */
    private record Guesser(String account, String address) {

        static Guesser of(Authentication presented) {
            String address = presented.getDetails() instanceof WebAuthenticationDetails request
                    ? request.getRemoteAddress() : "?";
            String name = presented.getName() == null ? "" : presented.getName();
            return new Guesser(AccountDirectory.canonical(name), address);
        }
    }

    /** Wrong passwords in a row, and the clock's reading before which no try is checked. */
    private record Guesses(int failures, long notBefore) {
    }

    /** A try refused unchecked: the guesser's pause is not over. */
    static final class Paused extends AuthenticationException {

        private final Duration retryAfter;

        Paused(Duration retryAfter) {
            super("too many wrong passwords for this account from this address: try again in "
                    + seconds(retryAfter) + " s");
            this.retryAfter = retryAfter;
        }

        /** Whole seconds, at least one, as Retry-After gives them. */
        long retryAfterSeconds() {
            return seconds(retryAfter);
        }

        private static long seconds(Duration retryAfter) {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
