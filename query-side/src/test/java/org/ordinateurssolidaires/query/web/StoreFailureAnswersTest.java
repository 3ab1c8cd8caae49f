package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.SocketException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A read that meets a database gone is a 503 to retry, never an empty 200 that looks like "nothing there". */
class StoreFailureAnswersTest {

    /** As Spring reports a query whose pooled connection PostgreSQL cut (a restart, a network blip). */
    private static final DataAccessResourceFailureException CONNECTION_CUT = new DataAccessResourceFailureException(
            "could not execute query", new PSQLException("An I/O error occurred while sending to the backend.",
            PSQLState.CONNECTION_FAILURE, new SocketException("Broken pipe")));

    @RestController
    static class Reads {

        @GetMapping("/connection-cut")
        String connectionCut() {
            throw CONNECTION_CUT;
        }

        @GetMapping("/refused-row")
        String refusedRow() {
            throw new DataIntegrityViolationException("insert", new SQLException("Failing row contains (...)", "23514"));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Reads())
                                               .setControllerAdvice(new ProblemDetailsAdvice(
                                                       mock(ReadModelRebuilds.class))).build();

    /** Spring 6.2 took this for a client gone (an empty 200); Spring 7 no longer does, and alone would answer 500. */
    @Test
    void aConnectionCutUnderAReadIsA503ToRetry() throws Exception {
        mvc.perform(get("/connection-cut"))
           .andExpect(status().isServiceUnavailable())
           .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
           .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anyOtherStoreFailureIsA500ThatKeepsTheDatabasesWordsInTheLog() throws Exception {
        String body = mvc.perform(get("/refused-row"))
                         .andExpect(status().isInternalServerError())
                         .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                         .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Failing row");
    }
}
