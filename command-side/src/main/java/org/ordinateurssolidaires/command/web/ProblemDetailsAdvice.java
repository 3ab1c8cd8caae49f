package org.ordinateurssolidaires.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.store.DatabaseFailures;
import org.ordinateurssolidaires.web.ChangesCheckedFirst;
import org.ordinateurssolidaires.web.ProblemDetailsBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every refusal as {@code application/problem+json}: 400 names each invalid field, 404 the unknown thing,
 * 409 the broken rule (its code in {@code rule}, its wording in {@code title}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ProblemDetailsBase {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String RULES = "https://ordinateurs-solidaires.example/problems/rules/";
    private static final String RETRY_AFTER_SECONDS = "5";
    /** The types whose refusals StrictRequestJson words itself. */
    private static final Set<Class<?>> OWN_WORDS = Set.of(String.class, Instant.class, LocalDate.class,
            Collection.class);

    @ExceptionHandler
    ProblemDetail ruleViolated(RuleViolation violation) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, violation.getMessage());
        problem.setType(URI.create(RULES + violation.rule().name().toLowerCase().replace('_', '-')));
        problem.setTitle(violation.rule().description());
        problem.setProperty("rule", violation.rule().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownEntity(UnknownEntity unknown) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
    }

    /** Named after the resource the URL addresses: /api/donors/{id}/... answers "no donor {id}". */
    @ExceptionHandler
    ProblemDetail unknownAggregate(AggregateNotFoundException notFound, HttpServletRequest request) {
        String[] path = request.getRequestURI().split("/");
        String resource = path.length > 2 ? singular(path[2]) : "such thing";
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no " + resource + " " + notFound.getAggregateIdentifier());
    }

    private static String singular(String plural) {
        if (plural.endsWith("ies")) {
            return plural.substring(0, plural.length() - 3) + "y";
        }
        if (plural.endsWith("ches") || plural.endsWith("shes") || plural.endsWith("xes")) {
            return plural.substring(0, plural.length() - 2);
        }
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** The header at fault named, as a field or a parameter is: the key, not the command, is what to change. */
    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused reused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, reused.getMessage());
        problem.setProperty("errors", List.of(Map.of("header", CommandOrigin.COMMAND_ID_HEADER,
                "message", "names another request recorded under it, or another account's: send this one with a key"
                           + " of its own")));
        return problem;
    }

    /** A step recorded since the version the request's {@code If-Match} names ({@link VersionsSeen}), or none yet. */
    @ExceptionHandler
    ProblemDetail changedSince(ConflictingAggregateVersionException changed) {
        boolean ahead = changed.getExpectedVersion() > changed.getActualVersion();
        return ChangesCheckedFirst.ifMatchRefused((ahead ? "no version " : "a step was recorded since version ")
                + changed.getExpectedVersion() + " of " + changed.getAggregateIdentifier() + ": nothing was changed; "
                + "its version is " + changed.getActualVersion() + " now",
                ahead ? "not one of its versions" : "no longer its latest version").getBody();
    }

    @ExceptionHandler
    ProblemDetail invalidHeader(InvalidHeader invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setProperty("errors", List.of(Map.of("header", invalid.header(), "message", invalid.getMessage())));
        return problem;
    }

    /**
     * Still conflicting after the gateway's retries, or two commands claiming the same unique value at once. Not a
     * value the database could not take (too long for its column): sending it again would never pass, and the fault
     * is ours, a store failure logged as such.
     */
    @ExceptionHandler({ConcurrencyException.class, DataIntegrityViolationException.class})
    ResponseEntity<ProblemDetail> concurrentChange(RuntimeException conflict) {
        if (DatabaseFailures.isDataException(conflict)) {
            return storeFailure(conflict);
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentChange());
    }

    private static ProblemDetail concurrentChange() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "a concurrent change conflicted with this command; nothing was recorded, try again");
    }

    /**
     * A failure of the store, however Spring or Axon wrap it. Never left to Spring MVC's defaults: its
     * DefaultHandlerExceptionResolver asks DisconnectedClientHelper, which takes a database connection that broke
     * ("Broken pipe", an EOFException from the driver) for a client that hung up, and leaves the response as it is:
     * an empty 200 for a command that was never stored. A database that is unreachable, dropped the connection or
     * could not finish in time is a 503 the client may retry; one that crossed another transaction's locks (a
     * deadlock) a 409, as a concurrent change; anything else here is a 500. Other exceptions keep
     * Spring's own handling, which also finds a rule broken or an unknown thing wrapped in another exception.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, JdbcException.class,
            EventStoreException.class})
    ResponseEntity<ProblemDetail> storeFailure(RuntimeException failure) {
        if (DatabaseFailures.isUnavailability(failure) || failure instanceof TransactionTimedOutException) {
            log.warn("Database unavailable, command not acknowledged: {}", failure.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the database is unavailable: this command was not acknowledged. Send it again in a few "
                            + "seconds, with the same Idempotency-Key to have it recorded once");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                                 .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                                 .body(problem);
        }
        if (DatabaseFailures.isContention(failure)) { // two commands' locks crossed: one was rolled back whole
            log.info("Command in contention with another, not recorded: {}", failure.toString());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentChange());
        }
        log.error("Store failure", failure);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the store failed unexpectedly; it has been logged"));
    }

    /** A field refused by a rule its request record alone cannot check (a password guessable from the username). */
    @ExceptionHandler
    ProblemDetail fieldRefused(PageForms.FormRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        listErrors(problem, "field", refused.fields().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .collect(Collectors.toList());
        // a rule of the body as a whole (CorrectsSomething) names no field
        invalid.getGlobalErrors().forEach(error -> errors.add(
                Map.of("message", String.valueOf(error.getDefaultMessage()))));
        ProblemDetail problem = invalid.getBody();
        listErrors(problem, "field", errors);
        return handleExceptionInternal(invalid, problem, headers, status, request);
    }

    /**
     * Unreadable JSON: name the field whose value could not be read (a wrong enum, date or number), with what it
     * must be, in words of the API rather than of the Java types behind it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request body is not valid JSON");
        Throwable cause = unreadable.getCause();
        if (cause instanceof CharacterCodingException) { // BodiesInUtf8
            problem.setDetail("the request body is not UTF-8 text");
        } else if (cause == null || cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
            // no body, null, or a JSON value of another kind ([], a text, a number) where an object is meant
            problem.setDetail("the request body must be a JSON object");
        } else if (cause instanceof StreamReadException syntax && syntax.processor() != null
                   && syntax.getOriginalMessage().startsWith("Duplicate")) {
            // strict-duplicate-detection, in Jackson's words (no type of its own): the parser stands on the key met
            // the second time
            String field = field(syntax.processor().streamReadContext());
            problem.setDetail("invalid value for field " + field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", "is given more than once")));
        } else if (cause instanceof JacksonException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                                  .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                                  .collect(Collectors.joining(".")).replace(".[", "[");
            String what = mapping instanceof PropertyBindingException ? "unknown field " : "invalid value for field ";
            problem.setDetail(what + field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", whatItMustBe(mapping))));
        }
        return handleExceptionInternal(unreadable, problem, headers, status, request);
    }

    /** Where the parser stands, as the API's errors name a field: {@code storageMedia[0].serialNumber}. */
    private static String field(TokenStreamContext at) {
        String path = "";
        for (TokenStreamContext context = at; context != null && !context.inRoot(); context = context.getParent()) {
            String segment = context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.currentName();
            path = path.isEmpty() || path.startsWith("[") ? segment + path : segment + "." + path;
        }
        return path;
    }

    private static String whatItMustBe(JacksonException unreadable) {
        if (unreadable instanceof PropertyBindingException) {
            return "is not a field of this request";
        }
        if (unreadable instanceof InputCoercionException) {
            return "is out of range";
        }
        if (unreadable instanceof InvalidFormatException format && OWN_WORDS.contains(format.getTargetType())) {
            return format.getOriginalMessage(); // StrictRequestJson's own refusal, already in the API's words
        }
        if (unreadable instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType());
        }
        return "cannot be read";
    }
}
