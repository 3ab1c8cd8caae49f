package org.ordinateurssolidaires.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.lang.reflect.AnnotatedElement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What both apps' problem+json answers have in common, for each app's own advice to extend: Spring MVC's
 * problems, a 400 that names each query parameter, form field, header or path variable breaking its constraint
 * or not of its kind, and a 400 for
 * a multipart body that cannot be read (no boundary, cut short).
 */
public abstract class ProblemDetailsBase extends ResponseEntityExceptionHandler {

    /** The most errors one answer lists: a body of 200,000 bad elements is not answered with 200,000 of them. */
    public static final int ERRORS_LISTED = 100;

    /** How the detail names an error of no one field: a rule of the body as a whole. */
    private static final String WHOLE = "the body as a whole";

    /**
     * The {@code errors} of a 400, each naming its {@code kind} ("field", "parameter") unless it is about the whole
     * body, and its detail naming them all: at most {@link #ERRORS_LISTED}, and how many more there were
     * ({@code errorsNotListed}).
     */
    protected static void listErrors(ProblemDetail problem, String kind, List<Map<String, String>> errors) {
        List<Map<String, String>> listed = errors.size() > ERRORS_LISTED ? errors.subList(0, ERRORS_LISTED) : errors;
        String more = errors.size() > ERRORS_LISTED ? " and " + (errors.size() - ERRORS_LISTED) + " more" : "";
        problem.setDetail("invalid " + kind + "s: " + listed.stream().map(error -> error.getOrDefault(kind, WHOLE))
                                                          .collect(Collectors.joining(", ")) + more);
        problem.setProperty("errors", List.copyOf(listed));
        if (!more.isEmpty()) {
            problem.setProperty("errorsNotListed", errors.size() - ERRORS_LISTED);
        }
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        // a set of filters bound to one object (@Valid @ModelAttribute) names the filter, not the object
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "parameter", error instanceof FieldError filter ? filter.getField()
                                : String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = invalid.getBody();
        listErrors(problem, "parameter", errors);
        return handleExceptionInternal(invalid, problem, headers, status, request);
    }

    /**
     * A path variable, query parameter or header that is not of its kind (an id that is no UUID, a state that is
     * none of the states): named, with what it must be, in the same {@code errors} as the other parameters' problems.
     * The value itself is not repeated: it may be long, or hold characters that have no place in an answer.
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(mismatch.getPropertyName());
        String expected = expected(mismatch);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "invalid parameters: " + name + " " + expected);
        problem.setProperty("errors", List.of(Map.of("parameter", name, "message", expected)));
        return handleExceptionInternal(mismatch, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A body of a type the operation does not read: named, with the types it reads (in the detail as in Spring's
     * {@code Accept} header), where Spring says only that the one sent "is not supported".
     */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException unsupported,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
        ProblemDetail problem = unsupported.getBody();
        if (unsupported.getContentType() == null) { // Spring's "Could not parse Content-Type."
            problem.setDetail("The body's Content-Type cannot be read, or names a charset the server does not know.");
        }
        // the types themselves: not the ranges Spring's readers take (application/*+json), which are refused here
        List<MediaType> taken = unsupported.getSupportedMediaTypes().stream()
                .filter(type -> type.isConcrete() && type.getSubtypeSuffix() == null).toList();
        if (!taken.isEmpty()) {
            problem.setDetail(problem.getDetail() + " Send " + MediaType.toString(taken) + ".");
        }
        return handleExceptionInternal(unsupported, problem, headers, status, request);
    }

    /**
     * An address neither an operation nor a file of this app answers (a device's DELETE, a read asked of the command
     * side): said so, where Spring says "No static resource", as if the client had asked for a file.
     */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException missing,
                                                                    HttpHeaders headers, HttpStatusCode status,
                                                                    WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "nothing here answers " + missing.getHttpMethod() + " /" + missing.getResourcePath());
        return handleExceptionInternal(missing, problem, headers, status, request);
    }

    /**
     * An upload the operation's parsing refused: said as the filters say it ({@link UnreadableBodies}), where Spring
     * says "Maximum upload size exceeded" even of a form of too many parts.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException tooLarge,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, UnreadableBodies.whyTooLarge(tooLarge));
        return handleExceptionInternal(tooLarge, problem, headers, status, request);
    }

    /** A query parameter the operation needs, not given: named in the same {@code errors} as the others. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException missing, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return required(missing, "parameter", missing.getParameterName(), headers, status, request);
    }

    /** Likewise a part of a multipart body (the file of an upload). */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException missing,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        return required(missing, "part", missing.getRequestPartName(), headers, status, request);
    }

    private ResponseEntity<Object> required(Exception missing, String kind, String name, HttpHeaders headers,
                                            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                "invalid parameters: " + name + " is required");
        problem.setProperty("errors", List.of(Map.of(kind, name, "message", "is required")));
        return handleExceptionInternal(missing, problem, headers, status, request);
    }

    /**
     * What the value refused must look like: a number beyond its type's range says the range the operation's
     * parameter is bound to ({@code page}: 0 to 100000), where its bounds are declared on it.
     */
    protected static String expected(TypeMismatchException mismatch) {
        return expected(mismatch, mismatch instanceof MethodArgumentTypeMismatchException argument
                ? argument.getParameter().getParameter() : null);
    }

    /** @param declared the parameter or field the value was for, its bounds read there (none when not known) */
    private static String expected(TypeMismatchException mismatch, AnnotatedElement declared) {
        if (!(NestedExceptionUtils.getMostSpecificCause(mismatch) instanceof StrictValues.OutOfRange outOfRange)) {
            return expected(mismatch.getRequiredType());
        }
        return declared == null ? outOfRange.getMessage()
                : outOfRange.expected(declared.getAnnotation(Min.class), declared.getAnnotation(Max.class));
    }

    /** What a value of the type must look like, in words, to name in a 400. */
    protected static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of another kind";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == UUID.class) {
            return "must be a UUID (32 hexadecimal digits as 8-4-4-4-12)";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                                             .collect(Collectors.joining(", "));
        }
        if (type == LocalDate.class) {
            return "must be a date, as 2026-03-02";
        }
        if (type == Instant.class) {
            return "must be an instant, as 2026-03-02T09:00:00Z";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        // a map, or one of the API's own shapes (a medium, a sanitisation record): a JSON object
        if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
            return "must be an object";
        }
        return "has a value of another kind"; // never a Java type's name
    }

    /** Too large is Spring's own 413; any other multipart body that cannot be parsed is the client's fault. */
    @ExceptionHandler
    ProblemDetail unreadableMultipart(MultipartException unreadable) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the multipart body cannot be read: it needs"
                + " the boundary its Content-Type names, and each part whole");
    }
}
