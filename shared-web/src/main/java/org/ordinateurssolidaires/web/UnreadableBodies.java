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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A request whose body the app cannot read, refused as the caller's mistake it is, a page or a problem as the caller
 * reads them, with a line in the log:
 * <ul>
 *     <li>an upload beyond the size limits ({@code spring.servlet.multipart.*}), a form whose fields are beyond
 *     Tomcat's ({@code server.tomcat.max-http-form-post-size}, 2 MB), or one of more parts than it takes
 *     ({@code server.tomcat.max-part-count}, 50): 413, saying which;</li>
 *     <li>a form the container cannot parse (multipart with no boundary, or cut short; parameters it cannot
 *     decode): 400.</li>
 * </ul>
 * Both come out of the container's parsing of the body, which the first reader of a parameter sets off (the browser
 * chain's CSRF check, a form's command id); that parsing then fails again at every later read, its error page's
 * included, and it logged two stack traces for each such request, anyone's. Each is answered here from a request
 * that no longer offers its body. A body of no named type or in a coding is refused once the operation's rule has
 * been read ({@link BodiesSentPlain}); at the actuator's addresses, which are no operation of the apps, a type that
 * names none is read here as none.
 */
class UnreadableBodies extends OncePerRequestFilter {

    /** What the error page says of the refusal: the container's own messages are not for callers. */
    static final String REFUSAL = UnreadableBodies.class.getName() + ".refusal";
    /** What a 413 says, whoever answers it. */
    static final String TOO_LARGE = "the upload is larger than the server takes (20 MB a file)";
    /** What a 413 says of a multipart form of more parts than Tomcat takes ({@code server.tomcat.max-part-count}). */
    static final String MORE_PARTS = "the form has more parts than the server takes (50 fields and files together)";
    /** Tomcat's exception for a form it did not parse: its error code says why (413: beyond its size limit). */
    private static final String TOMCATS_REFUSED_FORM = "org.apache.tomcat.util.http.InvalidParameterException";

    private static final Logger log = LoggerFactory.getLogger(UnreadableBodies.class);
    private final String errorPath;

    UnreadableBodies(String errorPath) {
        this.errorPath = errorPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the actuator's operations are none of the apps' (BodiesSentPlain does not see them), and Spring failed on a
        // type that names none as it read their optional body: a 500, which anyone could ask of the health. Such a
        // type says nothing: read as none, after the sign-in and the rules as any other request
        HttpServletRequest read = request.getRequestURI().startsWith(request.getContextPath() + "/actuator/")
                                  && BodiesSentPlain.namesNoType(request) ? new WithoutItsType(request) : request;
        try {
            chain.doFilter(read, response);
        } catch (RuntimeException | ServletException failure) {
            if (response.isCommitted()) {
                throw failure;
            }
            if (beyondTheLimit(failure)) { // the parts' number too: Spring reads it as a size
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, whyTooLarge(failure));
            } else if (fieldsBeyondTheLimit(failure)) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
                        "the form's fields are larger than the server takes (2 MB, files aside)");
            } else if (unparsable(failure)) {
                refuse(request, response, HttpStatus.BAD_REQUEST,
                        "the body cannot be read as the form its Content-Type says it is");
            } else {
                throw failure;
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String why)
            throws ServletException, IOException {
        log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), why);
        response.reset();
        ProgrammeSecurity.writePageHeaders(request, response); // the security filters' were reset, or never ran
        response.setStatus(status.value());
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.setAttribute(REFUSAL, why);
        request.getRequestDispatcher(errorPath).forward(new WithoutItsBody(request), response);
    }

    /** The container's own exceptions are not public API: they are known by Spring's, or by their name. */
    private static boolean beyondTheLimit(Throwable failure) {
        return causes(failure, cause -> cause instanceof MaxUploadSizeExceededException
                                        || cause.getClass().getName().endsWith("SizeLimitExceededException"));
    }

    /** What a 413 says of an upload Spring or Tomcat refused for its size, or for its number of parts. */
    static String whyTooLarge(Throwable refusal) {
        return moreParts(refusal) ? MORE_PARTS : TOO_LARGE;
    }

    private static boolean moreParts(Throwable failure) {
        return causes(failure, cause -> cause.getClass().getName().endsWith(".FileCountLimitExceededException"));
    }

    /**
     * Fields beyond {@code server.tomcat.max-http-form-post-size}: Tomcat says so of a form's fields with a 413 of
     * its own, and of a multipart form's with a bare IllegalStateException of its parsing of the parts (a 500 and
     * three stack traces, anyone's, before the CSRF check had read the token).
     */
    private static boolean fieldsBeyondTheLimit(Throwable failure) {
        return causes(failure, cause -> cause.getClass().getName().equals(TOMCATS_REFUSED_FORM)
                                        && tomcatsErrorCode(cause) == HttpStatus.CONTENT_TOO_LARGE.value()
                                        || cause.getClass() == IllegalStateException.class
                                           && thrownBy(cause, "org.apache.catalina.connector.Request", "parseParts"));
    }

    private static boolean thrownBy(Throwable failure, String type, String method) {
        StackTraceElement[] where = failure.getStackTrace();
        return where.length > 0 && where[0].getClassName().equals(type) && where[0].getMethodName().equals(method);
    }

    private static int tomcatsErrorCode(Throwable refusal) {
        try {
            return (Integer) refusal.getClass().getMethod("getErrorCode").invoke(refusal);
        } catch (ReflectiveOperationException | ClassCastException notThatTomcat) {
            return HttpStatus.BAD_REQUEST.value();
        }
    }

    private static boolean unparsable(Throwable failure) {
        return causes(failure, cause -> cause instanceof MultipartException
                                        || cause.getClass().getName().equals(TOMCATS_REFUSED_FORM));
    }

    private static boolean causes(Throwable failure, Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The request as the error page reads it: no type, no parameter, no part, nothing left of the body to parse. */
    private static final class WithoutItsBody extends WithoutItsType {

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

    /** The request as if it had named no type. */
    private static class WithoutItsType extends HttpServletRequestWrapper {

        WithoutItsType(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)).toList());
        }
    }
}
