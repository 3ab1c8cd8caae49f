package org.ordinateurssolidaires.command.web;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a database that could not be reached, or that dropped the connection in the middle of a command, from
 * every other failure, whatever wraps it (Spring's data-access exceptions, Axon's event store): a transaction
 * that could not begin, commit or roll back; or an SQLException that the server did not send — every error
 * PostgreSQL sends carries an SQLSTATE, so one without comes from the driver or the pool finding the connection
 * gone — of the connection class (08), or a server shutting down (57P01-57P03). A database too busy to finish the
 * command within its bound (the transaction's timeout, or the server's statement timeout: 57014) is unavailable
 * for that command in the same way.
 * The command's transaction did not commit, unless the connection broke while the commit itself was under way:
 * the client cannot tell, so it sends the command again with its Idempotency-Key, which records it once either way.
 */
final class DatabaseUnavailable {

    private static final Set<String> SERVER_GOING_AWAY_OR_TOO_SLOW = Set.of("57P01", "57P02", "57P03", "57014");

    private DatabaseUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof TransactionSystemException
                    || cause instanceof TransactionTimedOutException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getSQLState() == null || sql.getSQLState().startsWith("08")
                    || SERVER_GOING_AWAY_OR_TOO_SLOW.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
