package org.ordinateurssolidaires.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;

/**
 * Slows down whoever guesses an account's password (NIST SP 800-63B 5.2.2): after a few refused tries for one
 * account from one address, each further try from there waits twice as long as the last, up to a longest pause,
 * and a try made before its time is refused unchecked ({@link Paused}, 429 with Retry-After). A sign-in that passes
 * forgets the refusals.
 * <p>
 * Counted per account <em>and</em> address, not per account: a pause per account would let anyone keep its owner out
 * by typing wrong passwords for it. Every refusal counts, an unknown name's and a deactivated account's as a wrong
 * password's, so that a pause tells nothing of which accounts exist; a try that could not be checked (the accounts
 * unreadable) does not. Tries sent together are counted as they are checked: no more are checked at once than the
 * refusals still allowed, the others wait for them (a program's first requests, whose password is right, then pass
 * one after the other), and once the pauses began, one try is checked a pause. A name and password that signed in
 * lately from the same address are no guess: a program's requests sending them, many at once, are checked without
 * turns; refused since (the account deactivated), they are a guess again, counted as one. Held in memory, per app:
 * an app started again forgets, and each of the two apps counts the tries made to it.
 * <p>
 * An address is held to the same turns for every account at once, with ten times the refusals allowed: each refusal
 * costs a BCrypt check (70 ms of a core), and a thousand tries under as many unknown names from one address, a
 * hundred at a time, took both cores for a minute and a half, everyone's pages waiting seconds. A sign-in that
 * passes from there forgets them too.
 */
final class PasswordGuesses implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordGuesses.class);
    /** Far more than the addresses guessing at once; beyond it, the least used are forgotten first. */
    private static final int MOST_KEPT = 50_000;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** How long a try waits for those of its account and address being checked, a BCrypt check taking 70 ms. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(2);
    private static final long WAIT_STEP_MILLIS = 10;
    private static final int MOST_PASSED = 10_000;
    private static final Duration PASSED_LATELY = Duration.ofMinutes(5);

    /** An address's refusals allowed before its pause, for every account at once, as many times an account's. */
    private static final int EVERY_ACCOUNT = 10;

    private final AuthenticationProvider passwords;
    private final Ticker clock;
    private final Duration longestPause;
    private final Counted<Guesser> tries;
    /** The same, by address alone. */
    private final Counted<String> triesFrom;
    /**
     * Name and password pairs that signed in lately, as HMACs under a key made for this process (nothing a guess
     * could be tried against): a program sending them with every request, many at once, is not held to the turns.
     */
    private final Cache<String, Boolean> passedLately;
    private final PasswordFingerprints fingerprints = new PasswordFingerprints();

    /**
     * @param allowed      refusals allowed before the first pause
     * @param longestPause the pause between tries once it has doubled enough; refusals are forgotten twice as long
     *                     after the last
     */
    PasswordGuesses(AuthenticationProvider passwords, int allowed, Duration longestPause, Ticker clock) {
        this.passwords = passwords;
        this.longestPause = longestPause;
        this.clock = clock;
        this.tries = new Counted<>(allowed);
        this.triesFrom = new Counted<>(allowed * EVERY_ACCOUNT);
        this.passedLately = Caffeine.newBuilder().maximumSize(MOST_PASSED).expireAfterWrite(PASSED_LATELY)
                                    .ticker(clock).build();
    }

    @Override
    public Authentication authenticate(Authentication presented) throws AuthenticationException {
        Guesser guesser = Guesser.of(presented);
        String fingerprint = fingerprint(presented, guesser);
        if (fingerprint != null && passedLately.getIfPresent(fingerprint) != null) {
            // no guess: neither waits nor counts, unless refused now (the account deactivated since)
            Authentication signedIn;
            try {
                signedIn = passwords.authenticate(presented);
            } catch (InternalAuthenticationServiceException notTheCallers) {
                throw notTheCallers;
            } catch (AuthenticationException refused) {
                passedLately.invalidate(fingerprint);
                counted(guesser, tries.refusedOutOfTurn(guesser), triesFrom.refusedOutOfTurn(guesser.address()));
                throw refused;
            }
            if (signedIn != null) {
                triesFrom.forget(guesser.address()); // but an address's refusals, as any sign-in
            }
            return signedIn;
        }
        triesFrom.takeTurn(guesser.address(), "too many refused sign-ins from this address");
        try {
            tries.takeTurn(guesser, "too many refused sign-ins for this account from this address");
        } catch (Paused paused) {
            triesFrom.settle(guesser.address(), Outcome.UNCHECKED);
            throw paused;
        }
        Outcome outcome = Outcome.UNCHECKED;
        try {
            Authentication signedIn = passwords.authenticate(presented);
            outcome = signedIn == null ? Outcome.UNCHECKED : Outcome.SIGNED_IN;
            if (signedIn != null && fingerprint != null) {
                passedLately.put(fingerprint, Boolean.TRUE);
            }
            return signedIn;
        } catch (InternalAuthenticationServiceException notTheCallers) {
            throw notTheCallers;
        } catch (AuthenticationException refused) {
            outcome = Outcome.REFUSED;
            throw refused;
        } finally {
            counted(guesser, tries.settle(guesser, outcome), triesFrom.settle(guesser.address(), outcome));
        }
    }

    /** Says when a refusal was the last allowed, for the account from the address, or from the address. */
    private void counted(Guesser guesser, boolean accountPaused, boolean addressPaused) {
        if (accountPaused) {
            log.warn("Sign-ins paused for \"{}\" from {}: {} refused in a row; each further try waits",
                    RefusedSignIns.loggable(guesser.account()), guesser.address(), tries.allowed);
        }
        if (addressPaused) {
            log.warn("Sign-ins paused from {}: {} refused in a row, whatever the account; each further try waits",
                    guesser.address(), triesFrom.allowed);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /**
     * The name and password as sent from the address: one that signed in from elsewhere is a guess here, or whoever
     * guessed from an address paused would see the right password pass where a wrong one waits. Null without a
     * password.
     */
    private String fingerprint(Authentication presented, Guesser guesser) {
        return presented.getName() == null || !(presented.getCredentials() instanceof CharSequence password) ? null
                : fingerprints.of(presented.getName() + '\u0000' + guesser.address(), password.toString());
    }

    private static void waitOrGiveUp(long waitedUntil, String why) {
        if (System.nanoTime() > waitedUntil) {
            throw new Paused(why, FIRST_PAUSE);
        }
        try {
            Thread.sleep(WAIT_STEP_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Paused(why, FIRST_PAUSE);
        }
    }

    /** Refusals in a row and tries being checked, by guesser, with the refusals allowed before the pauses. */
    private final class Counted<K> {

        private final int allowed;
        private final Cache<K, Tries> counts = Caffeine.newBuilder().maximumSize(MOST_KEPT)
                .expireAfterWrite(longestPause.multipliedBy(2)).ticker(clock).build();

        Counted(int allowed) {
            this.allowed = allowed;
        }

        /** Holds a turn for the try, waiting for those being checked; refuses it before its time. */
        void takeTurn(K guesser, String why) {
            long waitedUntil = System.nanoTime() + LONGEST_WAIT.toNanos();
            while (true) {
                long now = clock.read();
                Turn[] turn = new Turn[1];
                long[] notBefore = new long[1];
                counts.asMap().compute(guesser, (key, counted) -> {
                    Tries before = counted == null ? Tries.NONE : counted;
                    turn[0] = turnOf(before, now);
                    notBefore[0] = before.notBefore();
                    return turn[0] == Turn.TAKEN ? before.taken(before.refusals() < allowed ? before.notBefore()
                            : now + pauseAfter(before.refusals())) : counted;
                });
                switch (turn[0]) {
                    case TAKEN -> {
                        return;
                    }
                    case PAUSED -> throw new Paused(why, Duration.ofNanos(Math.max(notBefore[0] - now,
                            FIRST_PAUSE.toNanos())));
                    case WAIT -> waitOrGiveUp(waitedUntil, why);
                }
            }
        }

        private Turn turnOf(Tries counted, long now) {
            if (counted.refusals() >= allowed) { // pausing: one try a pause
                return now < counted.notBefore() || counted.checking() > 0 ? Turn.PAUSED : Turn.TAKEN;
            }
            return counted.refusals() + counted.checking() < allowed ? Turn.TAKEN : Turn.WAIT;
        }

        /** Counts the try's outcome; true when its refusal is the last allowed, so the pauses begin. */
        boolean settle(K guesser, Outcome outcome) {
            long now = clock.read();
            Tries after = counts.asMap().computeIfPresent(guesser, (key, counted) -> {
                int checking = Math.max(0, counted.checking() - 1); // none if forgotten and counted anew meanwhile
                return switch (outcome) {
                    case SIGNED_IN -> checking > 0 ? new Tries(0, checking, 0) : null;
                    case REFUSED -> refusedOnceMore(counted, checking, now);
                    case UNCHECKED -> counted.refusals() == 0 && checking == 0 ? null
                            : new Tries(counted.refusals(), checking, counted.notBefore());
                };
            });
            return outcome == Outcome.REFUSED && after != null && after.refusals() == allowed;
        }

        /**
         * Counts a refusal of a try that took no turn (a password that signed in lately, refused since): as a
         * wrong one's, or the refusals before a pause would tell it apart. True when it is the last allowed.
         */
        boolean refusedOutOfTurn(K guesser) {
            long now = clock.read();
            Tries after = counts.asMap().compute(guesser, (key, counted) -> {
                Tries before = counted == null ? Tries.NONE : counted;
                return refusedOnceMore(before, before.checking(), now);
            });
            return after.refusals() == allowed;
        }

        /** One refusal more, the pause beginning, or doubling, once those allowed are spent. */
        private Tries refusedOnceMore(Tries before, int checking, long now) {
            int refusals = before.refusals() + 1;
            return new Tries(refusals, checking, refusals < allowed ? before.notBefore() : now + pauseAfter(refusals));
        }

        /** Forgets the guesser's refusals, as a sign-in that passes does. */
        void forget(K guesser) {
            counts.asMap().computeIfPresent(guesser,
                    (key, counted) -> counted.checking() > 0 ? new Tries(0, counted.checking(), 0) : null);
        }

        /** Doubles from the first pause with each refusal beyond those allowed, up to the longest. */
        private long pauseAfter(int refusals) {
            int doublings = Math.min(refusals - allowed, 40);
            Duration pause = FIRST_PAUSE.multipliedBy(1L << doublings);
            return (pause.compareTo(longestPause) > 0 ? longestPause : pause).toNanos();
        }
    }

    private enum Turn { TAKEN, WAIT, PAUSED }

    private enum Outcome { SIGNED_IN, REFUSED, UNCHECKED }

    /**
     * Who guesses: the account named, as accounts are found, and the address the try came from. A name longer than
     * any account's (64 characters) names none: such names are counted together, so that a guesser's kilobytes of
     * names are never what the memory keeps.
     */
    private record Guesser(String account, String address) {

        private static final int LONGEST_ACCOUNT = 64;

        static Guesser of(Authentication presented) {
            String address = presented.getDetails() instanceof WebAuthenticationDetails request
                    ? request.getRemoteAddress() : "?";
            String name = presented.getName() == null ? "" : presented.getName();
            return new Guesser(name.length() > LONGEST_ACCOUNT ? "" : AccountDirectory.canonical(name), address);
        }
    }

    /**
     * Refusals in a row, tries being checked, and the clock's reading before which no try is checked once the
     * pauses began.
     */
    private record Tries(int refusals, int checking, long notBefore) {

        static final Tries NONE = new Tries(0, 0, 0);

        Tries taken(long notBefore) {
            return new Tries(refusals, checking + 1, notBefore);
        }
    }

    /** A try refused unchecked: the guesser's pause is not over. */
    static final class Paused extends AuthenticationException {

        private final Duration retryAfter;

        Paused(String why, Duration retryAfter) {
            super(why + ": try again in " + seconds(retryAfter) + " s");
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
