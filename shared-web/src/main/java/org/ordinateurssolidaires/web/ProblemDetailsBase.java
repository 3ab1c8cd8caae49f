package org.ordinateurssolidaires.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What both apps' problem+json answers have in common, for each app's own advice to extend: Spring MVC's
 * problems, a 400 that names each query parameter, form field or header breaking its constraint, and a 400 for
 * a multipart body that cannot be read (no boundary, cut short).
 */
public abstract class ProblemDetailsBase extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "parameter", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = invalid.getBody();
        problem.setDetail("invalid parameters: " + errors.stream().map(error -> error.get("parameter"))
                                                          .collect(Collectors.joining(", ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(invalid, problem, headers, status, request);
    }

    /** Too large is Spring's own 413; any other multipart body that cannot be parsed is the client's fault. */
    @ExceptionHandler
    ProblemDetail unreadableMultipart(MultipartException unreadable) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the multipart body cannot be read: it needs"
                + " the boundary its Content-Type names, and each part whole");
    }
}
