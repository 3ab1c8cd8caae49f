package org.ordinateurssolidaires.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A request to the API that changes something (any method but a read's) is refused before its operation runs when
 * it could not be answered as it says, or says more than the operation reads: once it has run, its event is stored
 * whatever the answer. Spring MVC chooses the answer's type after the operation: a client whose {@code Accept}
 * admits no JSON ({@code text/html}, {@code application/json;q=0}, a charset other than UTF-8), in which the API
 * answers and says what was wrong, was answered 406 for a command recorded all the same, and retried it (a second
 * donor); this answers 406 first, and reads a type refused with {@code q=0} as refused, as HTTP says
 * ({@link AnswersAsAccepted}). A body in a JSON type other than JSON itself ({@code application/merge-patch+json},
 * which Spring reads as JSON) is a document of another kind: 415. And a body sent to an operation that reads none
 * (a deactivation's "reason") was dropped unread, where a JSON field the request does not have is refused: 400 (an
 * empty object, which many clients send with every command, says nothing and passes). And a client that makes its
 * change conditional ({@code If-Match: "…"}) was answered as if it had not: but for a step on a thing whose version
 * is its entity tag ({@link VersionChecked}, checked as the step is recorded), an operation takes no entity tag, so
 * no tag it sends can match, and HTTP answers 412 before the change (RFC 9110, 13.1.1); {@code If-Match: *} holds of
 * any record there is, as the operation itself checks. No change weighs {@code If-None-Match}: one sent with it is
 * refused (412) rather than made as if it had not been. A read is held to the same conditions, but for one that
 * answers with an entity tag ({@link AnswersWithEntityTag}), which weighs them itself.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ChangesCheckedFirst implements WebMvcConfigurer, HandlerInterceptor {

    /** A blank body, or an empty JSON object. */
    private static final Pattern NOTHING = Pattern.compile("\\s*(\\{\\s*})?\\s*");
    private static final int EMPTY_BODY_AT_MOST = 64;
    /** The methods that change nothing: every other is checked here, and described with its 412. */
    public static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the operation's rule (a role refused gets 403 first) and its parameters' (RequestParameters)
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE + 3);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException, HttpMediaTypeNotSupportedException, IOException {
        if (request.getDispatcherType() == DispatcherType.ERROR || !(handler instanceof HandlerMethod operation)) {
            return true;
        }
        if (READS.contains(request.getMethod())) {
            if (!operation.hasMethodAnnotation(AnswersWithEntityTag.class)) {
                conditionsOfAnUntaggedRead(request);
            }
            return true;
        }
        if (!AnswersAsAccepted.admitsOneOf(request, List.of(MediaType.APPLICATION_JSON))) {
            throw new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON));
        }
        MediaType sent = RequestParameters.contentType(request);
        if (sent != null && "json".equals(sent.getSubtypeSuffix())) {
            // Spring's JSON reader takes any application/*+json: a JSON Patch or a merge patch is not the record
            throw new HttpMediaTypeNotSupportedException(sent, List.of(MediaType.APPLICATION_JSON),
                    HttpMethod.valueOf(request.getMethod()));
        }
        if (!operation.hasMethodAnnotation(VersionChecked.class) && namesATag(request, HttpHeaders.IF_MATCH)) {
            throw ifMatchRefused("this operation takes no entity tag (a step on one device takes its version), so "
                                 + "If-Match cannot hold: nothing was changed; send the request without it (a "
                                 + "concurrent change is refused with 409 on its own)", "no entity tag matches");
        }
        if (EntityTags.of(HttpHeaders.IF_NONE_MATCH, Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))
                .toArray(String[]::new)) != null) {
            // weighed by no change (a step on one device weighs If-Match): refused rather than passed over unweighed
            throw conditionRefused(HttpHeaders.IF_NONE_MATCH, "a change does not weigh If-None-Match (a step on one "
                    + "device takes If-Match naming its version): nothing was changed; send the request without it",
                    "not weighed by a change");
        }
        if (hasABody(request) && !readsABody(operation)
            && !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(RequestParameters.contentType(request))
            && !saysNothing(request)) {
            // a form's fields are parameters, held to the operation's own by RequestParameters
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "this request takes no body: send it empty");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        return true;
    }

    /**
     * A read whose answer has no entity tag takes the conditions as HTTP has them (RFC 9110, 13.1.1, 13.1.2): an
     * {@code If-Match} naming tags holds of none (412), {@code *} of what there is; an {@code If-None-Match} naming
     * tags matches none. Either one that is not {@code *} alone or a list of tags is refused (400 naming it), as on
     * a device's view and on a change, where such reads answered 200 whatever the headers said (an outside probe).
     */
    private static void conditionsOfAnUntaggedRead(HttpServletRequest request) {
        boolean required = namesATag(request, HttpHeaders.IF_MATCH);
        namesATag(request, HttpHeaders.IF_NONE_MATCH); // held to its grammar: no tag it names can match
        if (required) {
            throw ifMatchRefused("this answer has no entity tag (a device's view has one: its version), so If-Match "
                                 + "cannot hold: send the request without it", "no entity tag matches");
        }
    }

    /**
     * Whether the request sends the condition {@code header} naming entity tags (or nothing), rather than {@code *}
     * or not at all; 400 naming it when it is neither ({@link EntityTags}).
     */
    private static boolean namesATag(HttpServletRequest request, String header) {
        List<EntityTags.Tag> tags = EntityTags.of(header,
                Collections.list(request.getHeaders(header)).toArray(String[]::new));
        return tags != null && (tags.isEmpty() || !tags.get(0).any());
    }

    /** 412, naming the header: {@code detail} says why, {@code problem} what was wrong with the header. */
    public static ErrorResponseException ifMatchRefused(String detail, String problem) {
        return conditionRefused(HttpHeaders.IF_MATCH, detail, problem);
    }

    private static ErrorResponseException conditionRefused(String header, String detail, String problem) {
        ProblemDetail refused = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, detail);
        refused.setProperty("errors", List.of(Map.of("header", header, "message", problem)));
        return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, refused, null);
    }

    static boolean hasABody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * Whether the body, unread by the operation, says nothing: blank, or an empty JSON object, which many clients
     * send with every command; in parts, none a file (its other parts are parameters, held to the operation's by
     * RequestParameters; a file was passed over unread, and the command recorded: an outside probe).
     */
    private static boolean saysNothing(HttpServletRequest request) throws IOException {
        MultipartHttpServletRequest parts = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (parts != null) {
            return parts.getMultiFileMap().isEmpty();
        }
        byte[] body = request.getInputStream().readNBytes(EMPTY_BODY_AT_MOST + 1);
        return body.length <= EMPTY_BODY_AT_MOST
               && NOTHING.matcher(new String(body, StandardCharsets.UTF_8)).matches();
    }

    /** Whether the operation reads its body: bound ({@code @RequestBody}, a part, a file), or as it comes. */
    static boolean readsABody(HandlerMethod operation) {
        return Arrays.stream(operation.getMethodParameters()).anyMatch(parameter ->
                parameter.hasParameterAnnotation(RequestBody.class)
                || parameter.hasParameterAnnotation(RequestPart.class)
                || Stream.of(MultipartFile.class, InputStream.class, Reader.class, HttpEntity.class)
                         .anyMatch(read -> read.isAssignableFrom(parameter.getParameterType())));
    }
}
