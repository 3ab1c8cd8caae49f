package org.ordinateurssolidaires.query.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Refusals as {@code application/problem+json}; a 400 names each invalid query parameter. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

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
