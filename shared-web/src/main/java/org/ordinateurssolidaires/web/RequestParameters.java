package org.ordinateurssolidaires.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.events.AcceptableText;
import org.ordinateurssolidaires.web.ParameterRefused.Rule;
import org.ordinateurssolidaires.web.ParameterRefused.Where;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every query parameter and path variable, in both apps, read as the events keep text, before any handler binds it:
 * 400 naming the parameter. A query whose bytes are no UTF-8 text ({@code ?q=%FF}) cannot be read into parameters at
 * all; each parameter is given once (no read or command takes a list: a second value would be joined to the first or
 * dropped); and each is held to {@link AcceptableText#ONE_LINE} (a NUL in a search term would otherwise reach
 * PostgreSQL and fail as a 500, and a batch's reference goes into its events). Registered before the apps' other
 * interceptors but the rule's and the body's, so that none of them reads a parameter before (the pages' language
 * fails as a fault on such a query).
 * The pages' forms ({@link #FORMS}) are read field by field by the command side (PageForms), where a field may be a
 * list or run over lines, and passed on unread by the query side. And the API's operations take only the parameters
 * they read: a misspelt filter ({@code ?stat=READY}) is refused, not ignored with every device answered, as a misspelt
 * JSON field is. Identifiers and whole numbers are read in one form only ({@link StrictValues}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class RequestParameters implements WebMvcConfigurer, HandlerInterceptor {

    /** Where the pages send their forms, in both apps. */
    private static final String FORMS = "/actions/**";
    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    /** By API operation, the parameters it reads. */
    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the operation's rule (RulesBeforeBinding): a role refused gets 403 whatever parameters it sent; and
        // after BodiesSentPlain: a coded body is refused as such, not as the parameters read from it
        registry.addInterceptor(this).excludePathPatterns(FORMS).order(Ordered.HIGHEST_PRECEDENCE + 2);
    }

    /** Identifiers and whole numbers read in one form only, by every operation of the apps. */
    @Bean
    StrictValues strictValues() {
        return new StrictValues();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return true; // the error page of a request refused already: its parameters are not read again
        }
        if (handler instanceof HandlerMethod operation && aFormForAJsonBody(request, operation)) {
            // read as parameters, the form's body would be refused as parameters this operation does not take
            throw new HttpMediaTypeNotSupportedException(contentType(request),
                    List.of(MediaType.APPLICATION_JSON), HttpMethod.valueOf(request.getMethod()));
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) { // Tomcat's InvalidParameterException
            String notUtf8 = notUtf8(request.getQueryString());
            if (notUtf8 == null) { // a malformed escape (%ZZ), a value with no name, beyond a thousand parameters
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST, "the query cannot be read into parameters"), null);
            }
            throw refusal(notUtf8, Rule.NotUtf8, "is not UTF-8 text");
        }
        parameters.entrySet().stream().filter(parameter -> parameter.getValue().length > 1).findFirst()
                  .ifPresent(repeated -> {
                      throw refusal(repeated.getKey(), Rule.Repeated, "is given more than once");
                  });
        // a file too: of two copies sent to be checked, only the first would be
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getMultiFileMap().entrySet().stream().filter(part -> part.getValue().size() > 1).findFirst()
                     .ifPresent(repeated -> {
                         throw new ParameterRefused(Where.PART, repeated.getKey(), Rule.Repeated,
                                 "is given more than once");
                     });
        }
        AcceptableText.ONE_LINE.firstRefused(parameters).ifPresent(refused -> {
            throw refusal(refused.name(), textRule(parameters.get(refused.name())[0]), refused.problem());
        });
        // the path's own values too ({username}, a read model's name): never echoed back with a control character
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> inThePath) {
            inThePath.forEach((name, value) -> AcceptableText.ONE_LINE.problem(String.valueOf(value))
                    .ifPresent(problem -> {
                        throw new ParameterRefused(Where.PATH, String.valueOf(name),
                                textRule(String.valueOf(value)), problem);
                    }));
        }
        if (request.getRequestURI().startsWith("/api/") && handler instanceof HandlerMethod operation) {
            Set<String> taken = TAKEN.computeIfAbsent(operation.getMethod(), method -> taken(operation));
            parameters.keySet().stream().filter(name -> !taken.contains(name)).findFirst().ifPresent(unknown -> {
                throw refusal(unknown, Rule.Unknown, "is not a parameter of this request");
            });
        }
        return true;
    }

    /** A form's body (its fields, or its parts as a form with a file sends them) to an operation that reads JSON. */
    private static boolean aFormForAJsonBody(HttpServletRequest request, HandlerMethod operation) {
        MediaType sent = contentType(request);
        return (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(sent)
                || MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(sent))
               && Arrays.stream(operation.getMethodParameters())
                        .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
    }

    /** The request's {@code Content-Type}; null when it has none or it cannot be read. */
    static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException unreadable) {
            return null; // answered by Spring MVC as any unreadable type is
        }
    }

    /**
     * The query parameters (and multipart fields) an API operation reads: its {@code @RequestParam}s and the fields of
     * its {@code @ModelAttribute} search. A search bound without the annotation (Spring's default) is not seen: its
     * fields would be refused, so the API's operations say it.
     */
    private static Set<String> taken(HandlerMethod operation) {
        Set<String> names = new HashSet<>();
        for (MethodParameter parameter : operation.getMethodParameters()) {
            RequestParam read = parameter.getParameterAnnotation(RequestParam.class);
            if (read != null) {
                parameter.initParameterNameDiscovery(NAMES);
                names.add(!read.name().isEmpty() ? read.name()
                        : !read.value().isEmpty() ? read.value() : parameter.getParameterName());
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
                // a search's filters, bound from the query by their names: a record's components, a bean's properties
                Class<?> search = parameter.getParameterType();
                if (search.isRecord()) {
                    Arrays.stream(search.getRecordComponents()).forEach(component -> names.add(component.getName()));
                } else {
                    Arrays.stream(BeanUtils.getPropertyDescriptors(search))
                          .forEach(property -> names.add(property.getName()));
                }
            }
        }
        return Set.copyOf(names);
    }

    private static ParameterRefused refusal(String parameter, Rule rule, String problem) {
        return new ParameterRefused(Where.QUERY, parameter, rule, problem);
    }

    /** Which of the text's rules a refused value broke: its length, or what it holds. */
    private static Rule textRule(String refused) {
        return Rule.valueOf(AcceptableText.ONE_LINE.ruleBroken(refused));
    }

    /** The first parameter of the query whose name or value is no UTF-8 text, named as it was sent; null for none. */
    private static String notUtf8(String query) {
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (!isUtf8(parameter)) {
                return parameter.split("=", 2)[0];
            }
        }
        return null;
    }

    private static boolean isUtf8(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && HexFormat.isHexDigit(encoded.charAt(i + 1))
                    && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }
}
