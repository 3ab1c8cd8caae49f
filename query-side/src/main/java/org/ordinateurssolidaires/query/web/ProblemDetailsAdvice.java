package org.ordinateurssolidaires.query.web;

import org.axonframework.common.jdbc.JdbcException;
import org.ordinateurssolidaires.store.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refusals as {@code application/problem+json}; a 400 names each invalid query parameter, a 503 a database that
 * cannot be read now.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String RETRY_AFTER_SECONDS = "5";

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

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "parameter", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", message(error))))
                .toList();
        ProblemDetail problem = invalid.getBody();
        problem.setDetail("invalid parameters: " + errors.stream().map(error -> error.get("parameter"))
                                                          .collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, status, request);
    }

    private static String message(MessageSourceResolvable error) {
        return String.valueOf(error.getDefaultMessage());
    }
}
