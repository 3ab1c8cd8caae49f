package org.ordinateurssolidaires.query.web;

import org.axonframework.common.jdbc.JdbcException;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.store.DatabaseFailures;
import org.ordinateurssolidaires.web.ProblemDetailsBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Refusals as {@code application/problem+json}; a 400 names each invalid query parameter, a 503 a database that
 * cannot be read now.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsBase {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ReadModelRebuilds rebuilds;

    ProblemDetailsAdvice(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Not found, or not yet while a read model is being rebuilt (503, to ask again). */
    @ExceptionHandler
    ResponseEntity<Object> notInTheReadModels(NotInTheReadModels missing, WebRequest request) {
        ErrorResponseException answer = rebuilds.answerFor(missing);
        return handleExceptionInternal(answer, answer.getBody(), answer.getHeaders(), answer.getStatusCode(), request);
    }

    /**
     * A set of filters (query parameters bound to one object) with one that is not of its kind or breaks its
     * constraint: named like any other parameter, the value not repeated.
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream().map(error -> Map.of(
                "parameter", error.getField(),
                "message", error.contains(TypeMismatchException.class)
                        ? expectedHere(error.unwrap(TypeMismatchException.class))
                        : String.valueOf(error.getDefaultMessage()))).toList();
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        listErrors(problem, "parameter", errors);
        return handleExceptionInternal(invalid, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A filter on time here also takes a day ({@link DaysOrInstants}). */
    private static String expectedHere(TypeMismatchException mismatch) {
        return mismatch.getRequiredType() == Instant.class ? DaysOrInstants.EXPECTED : expected(mismatch);
    }

    /**
     * A failure of the database, however Spring or Axon wrap it. Never left to Spring MVC's defaults, which take a
     * connection that broke ("Broken pipe", an EOF from the driver) for a client that hung up and answer an empty
     * 200: a report or a list that looks empty when it could not be read. A database that is unreachable, dropped
     * the connection or could not answer in time is a 503 to retry; anything else here is a 500. The details stay
     * in the log: the database's own words may quote the rows it refused.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, JdbcException.class})
    ResponseEntity<ProblemDetail> storeFailure(RuntimeException failure) {
        if (DatabaseFailures.isUnavailability(failure)) {
            log.warn("Database unavailable: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                 .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                                 .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                                         "the database cannot be read now; try again in a few seconds"));
        }
        log.error("Store failure", failure);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the store failed unexpectedly; it has been logged"));
    }
}
