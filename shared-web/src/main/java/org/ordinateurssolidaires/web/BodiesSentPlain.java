package org.ordinateurssolidaires.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.Collections;

/**
 * A body an operation would read as something it is not, refused (415) once the operation's rule has been checked, so
 * that a caller whose role may not call it gets 403 whatever it sent (docs/security.md):
 * <ul>
 *     <li>a {@code Content-Type} that names no type ({@code *}{@code /*}, {@code application/*}) on a body the
 *     operation reads: Spring failed on it with a 500;</li>
 *     <li>a body sent with a {@code Content-Encoding} (gzip, say), answered with {@code Accept-Encoding: identity}
 *     (RFC 7694). Nothing here decodes a body, and the coding was ignored: a body said to be compressed was read as
 *     it came.</li>
 * </ul>
 * An operation that names the types it takes ({@code consumes}) is not chosen for a type that names none: Spring's
 * own 415 answers first, naming them.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class BodiesSentPlain implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(BodiesSentPlain.class);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the operation's rule (RulesBeforeBinding), before anything reads a parameter from a coded form
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE + 1);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // an error page, or one a filter forwarded to (UnreadableBodies' 400 or 413), says what it was sent to say
        if (request.getDispatcherType() == DispatcherType.ERROR || request.getDispatcherType() == DispatcherType.FORWARD
            || !(handler instanceof HandlerMethod operation)) {
            return true;
        }
        if (namesNoType(request) && ChangesCheckedFirst.readsABody(operation)) {
            throw refused(request, noType(taken(operation)));
        }
        if (coded(request)) {
            ErrorResponseException refused = refused(request, "the body is sent with a Content-Encoding the server"
                                                              + " does not decode: send it as it is (identity)");
            refused.getHeaders().set(HttpHeaders.ACCEPT_ENCODING, "identity");
            throw refused;
        }
        return true;
    }

    /** Whether the request's {@code Content-Type} names no type ({@code *}{@code /*}, {@code application/*}). */
    static boolean namesNoType(HttpServletRequest request) {
        MediaType sent = RequestParameters.contentType(request);
        return sent != null && (sent.isWildcardType() || sent.isWildcardSubtype());
    }

    /** What a refusal of a body of no named type says: the type to send instead. */
    private static String noType(MediaType taken) {
        return "the body's Content-Type names no type; send the one the operation takes (" + taken + ")";
    }

    private static ErrorResponseException refused(HttpServletRequest request, String why) {
        log.info("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), why);
        return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, why), null);
    }

    /** The type of body an operation that names none reads: its files' form, or JSON. */
    private static MediaType taken(HandlerMethod operation) {
        return Arrays.stream(operation.getMethodParameters()).anyMatch(parameter ->
                parameter.hasParameterAnnotation(RequestPart.class)
                || MultipartFile.class.isAssignableFrom(parameter.getParameterType()))
                ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON;
    }

    /** Whether the request has a body whose coding is other than none ("identity", which a sender may name). */
    private static boolean coded(HttpServletRequest request) {
        return ChangesCheckedFirst.hasABody(request)
               && Collections.list(request.getHeaders(HttpHeaders.CONTENT_ENCODING)).stream()
                             .flatMap(codings -> Arrays.stream(codings.split(",")))
                             .map(String::strip)
                             .anyMatch(coding -> !coding.isEmpty() && !coding.equalsIgnoreCase("identity"));
    }
}
