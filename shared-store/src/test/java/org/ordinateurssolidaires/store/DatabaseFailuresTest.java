package org.ordinateurssolidaires.store;

import org.junit.jupiter.api.Test;

import java.net.SocketException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is not there", which may pass on a retry, and which are something else. */
class DatabaseFailuresTest {

    /** As PostgreSQL's driver reports a connection cut under it, wrapped as the layers above wrap it. */
    private static final RuntimeException BROKEN_PIPE = new IllegalStateException("claim failed", new SQLException(
            "An I/O error occurred while sending to the backend.", "08006", new SocketException("Broken pipe")));

    @Test
    void aConnectionCutUnderTheDriverIsUnavailability() {
        assertThat(DatabaseFailures.isUnavailability(BROKEN_PIPE)).isTrue();
    }

    @Test
    void aServerShuttingDownOrTooBusyIsUnavailability() {
        assertThat(DatabaseFailures.isUnavailability(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseFailures.isUnavailability(new RuntimeException(
                new SQLException("ERROR: canceling statement due to statement timeout", "57014")))).isTrue();
        assertThat(DatabaseFailures.isUnavailability(new RuntimeException(
                new SQLException("FATAL: sorry, too many clients already", "53300")))).isTrue();
    }

    /** The pool's own "Connection is closed" carries no SQLSTATE: PostgreSQL always sends one. */
    @Test
    void anSqlExceptionTheServerDidNotSendIsUnavailability() {
        assertThat(DatabaseFailures.isUnavailability(new RuntimeException(new SQLException("Connection is closed"))))
                .isTrue();
    }

    @Test
    void contentionMayPassOnRetryButIsNoUnavailability() {
        RuntimeException deadlock = new RuntimeException(new SQLException("deadlock detected", "40P01"));

        assertThat(DatabaseFailures.mayPassOnRetry(deadlock)).isTrue();
        assertThat(DatabaseFailures.isContention(deadlock)).isTrue();
        assertThat(DatabaseFailures.isUnavailability(deadlock)).isFalse();
        assertThat(DatabaseFailures.isContention(BROKEN_PIPE)).isFalse();
        assertThat(DatabaseFailures.mayPassOnRetry(BROKEN_PIPE)).isTrue();
    }

    @Test
    void anAnswerFromTheServerAboutTheDataOrABugIsNeither() {
        RuntimeException duplicate = new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505"));
        RuntimeException nul = new RuntimeException(
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertThat(DatabaseFailures.mayPassOnRetry(duplicate)).isFalse();
        assertThat(DatabaseFailures.mayPassOnRetry(nul)).isFalse();
        assertThat(DatabaseFailures.mayPassOnRetry(new IllegalStateException("a bug"))).isFalse();
    }
}
