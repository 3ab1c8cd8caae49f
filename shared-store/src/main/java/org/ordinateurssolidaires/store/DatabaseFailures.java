package org.ordinateurssolidaires.store;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How a failure of the PostgreSQL store reads, whatever wraps it (Spring's data-access and transaction exceptions,
 * Axon's event store, Hibernate): by the SQLSTATE of the SQLException underneath. Both apps decide on it — the
 * command side whether to answer 503 and let the client retry, the query side whether to retry a batch rather
 * than park its events — so that they never disagree on what a lost connection looks like.
 */
public final class DatabaseFailures {

    /** A server shutting down (57P01-57P03), a statement cut by its timeout (57014), too many connections (53300). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014", "53300");
    /** Serialization failure, deadlock, lock not available: another transaction was in the way this time. */
    private static final Set<String> CONTENTION_STATES = Set.of("40001", "40P01", "55P03");

    private DatabaseFailures() {
    }

    /**
     * The database could not be reached, dropped the connection, or could not finish in time: an SQLException of
     * the connection class (08), one of {@link #UNAVAILABLE_STATES}, or one with no SQLSTATE at all — every error
     * PostgreSQL sends carries one, so such an exception comes from the driver or the pool finding the connection
     * gone. What the statement was doing did not commit, unless the connection broke during the commit itself.
     */
    public static boolean isUnavailability(Throwable failure) {
        return anySqlState(failure,
                state -> state == null || state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** Contention with another transaction: a deadlock, a serialization failure, a lock not available. */
    public static boolean isContention(Throwable failure) {
        return anySqlState(failure, state -> state != null && CONTENTION_STATES.contains(state));
    }

    /**
     * A value the database cannot take as it is (class 22: too long for its column, out of its type's range): a
     * fault of the code that wrote it, which no later attempt would mend.
     */
    public static boolean isDataException(Throwable failure) {
        return anySqlState(failure, state -> state != null && state.startsWith("22"));
    }

    /** Unavailability, or contention with another transaction: the same work may well pass on a later attempt. */
    public static boolean mayPassOnRetry(Throwable failure) {
        return isUnavailability(failure) || isContention(failure);
    }

    private static boolean anySqlState(Throwable failure, Predicate<String> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && test.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
