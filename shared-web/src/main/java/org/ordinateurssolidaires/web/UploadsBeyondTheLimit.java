package org.ordinateurssolidaires.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.ordinateurssolidaires.web.security.ProgrammeSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * An upload beyond the size limits ({@code spring.servlet.multipart.*}) read before any controller asks for its
 * parts: the browser chain's CSRF check reads the form's token, which makes the container parse the whole body.
 * The container's parsing then fails on every later read of a parameter, its error page's included, and it logged
 * two stack traces for a caller's mistake. This answers 413 itself, a page or a problem as the caller reads them,
 * from a request that no longer offers its unreadable body.
 */
class UploadsBeyondTheLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UploadsBeyondTheLimit.class);
    private final String errorPath;

    UploadsBeyondTheLimit(String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failure) {
            if (!beyondTheLimit(failure) || response.isCommitted()) {
                throw failure;
            }
            log.info("Refused an upload beyond the size limit to {} {}", request.getMethod(), request.getRequestURI());
            response.reset();
            ProgrammeSecurity.writePageHeaders(request, response); // the security filters' were reset with the rest
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            request.getRequestDispatcher(errorPath).forward(new WithoutItsBody(request), response);
        }
    }

    /** The container's own size exceptions are not public API: they are known by Spring's, or by their name. */
    private static boolean beyondTheLimit(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MaxUploadSizeExceededException
                || cause.getClass().getName().endsWith("SizeLimitExceededException")) {
                return true;
            }
        }
        return false;
    }

    /** The request as the error page reads it: no parameter, no part, nothing left of the body to parse. */
    private static final class WithoutItsBody extends HttpServletRequestWrapper {

        WithoutItsBody(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
