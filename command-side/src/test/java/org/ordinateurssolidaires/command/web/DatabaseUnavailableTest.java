package org.ordinateurssolidaires.command.web;

import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.TransactionTimedOutException;

import java.net.SocketException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is not there" (503, retry) and which are something else entirely. */
class DatabaseUnavailableTest {

    private static final PSQLException BROKEN_PIPE = new PSQLException("An I/O error occurred while sending to the backend.",
            PSQLState.CONNECTION_FAILURE, new SocketException("Broken pipe"));

    @Test
    void aConnectionCutUnderTheDriverIsUnavailability() {
        assertThat(DatabaseUnavailable.causedBy(new DataAccessResourceFailureException("claim", BROKEN_PIPE))).isTrue();
    }

    @Test
    void aServerShuttingDownIsUnavailability() {
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("append",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    }

    @Test
    void theConnectionPoolFindingItsConnectionClosedIsUnavailability() {
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("JDBC rollback failed"))).isTrue();
    }

    @Test
    void aDatabaseTooBusyToFinishTheCommandInTimeIsUnavailability() {
        assertThat(DatabaseUnavailable.causedBy(new TransactionTimedOutException("deadline was 10 s ago"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("append",
                new SQLException("ERROR: canceling statement due to statement timeout", "57014")))).isTrue();
    }

    @Test
    void anAnswerFromTheServerOrABugIsNot() {
        assertThat(DatabaseUnavailable.causedBy(new DuplicateKeyException("asset tag",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}
