package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command is answered when the store refused it, by the SQLSTATE underneath. */
class StoreFailureAnswersTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    /** Two commands' locks crossed and PostgreSQL rolled one back: a concurrent change, not a fault of ours. */
    @Test
    void aDeadlockIsAConcurrentChange() {
        var answer = advice.storeFailure(new CannotAcquireLockException("deadlock",
                new SQLException("ERROR: deadlock detected", "40P01")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(answer.getBody().getDetail()).startsWith("a concurrent change conflicted with this command");
    }

    /** Two commands claimed one unique value at once: the one that lost may try again. */
    @Test
    void aUniqueValueClaimedTwiceIsAConcurrentChange() {
        var answer = advice.concurrentChange(new DuplicateKeyException("insert",
                new SQLException("ERROR: duplicate key value violates unique constraint", "23505")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    /** A value too long for its column would be refused however often it is sent: a fault of ours, logged. */
    @Test
    void aValueTheColumnCannotTakeIsAFailureNotAConflict() {
        var answer = advice.concurrentChange(new DataIntegrityViolationException("update",
                new SQLException("ERROR: value too long for type character varying(64)", "22001")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getDetail()).isEqualTo("the store failed unexpectedly; it has been logged");
    }

    @Test
    void aLostConnectionIsUnavailability() {
        var answer = advice.storeFailure(new DataAccessResourceFailureException("gone",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
