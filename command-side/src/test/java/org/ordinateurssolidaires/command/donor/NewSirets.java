package org.ordinateurssolidaires.command.donor;

import org.ordinateurssolidaires.events.donor.Siret;

import java.util.concurrent.ThreadLocalRandom;

/** Well-formed SIRETs no test registered yet: each test's donors are other establishments. */
final class NewSirets {

    private NewSirets() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String candidate;
        do { // one in ten passes the check digit
            candidate = (1 + random.nextInt(9)) + String.format("%013d", random.nextLong(10_000_000_000_000L));
        } while (!Siret.isWellFormed(candidate));
        return candidate;
    }
}
