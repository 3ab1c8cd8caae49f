package org.ordinateurssolidaires.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The headers the apps read one value of, each given once, as every query parameter and form field is: of two, the
 * servlet API answers the first, so that a command sent with two {@code Idempotency-Key}s was recorded under one and
 * not known under the other, and a request with two {@code Authorization}s was signed in as whichever came first.
 * 400 naming the header, before any account is read.
 */
final class HeadersOnce extends OncePerRequestFilter {

    private static final List<String> READ_ONCE = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            "Idempotency-Key", "X-Correlation-Id", HttpHeaders.ORIGIN, "Sec-Fetch-Site");

    private final ProblemJsonSecurityAnswers answers;

    HeadersOnce(ProblemJsonSecurityAnswers answers) {
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String header : READ_ONCE) {
            if (Collections.list(request.getHeaders(header)).size() > 1) {
                answers.refuse(request, response, "header " + header + " is given more than once",
                        List.of(Map.of("header", header, "message", "is given more than once")));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
