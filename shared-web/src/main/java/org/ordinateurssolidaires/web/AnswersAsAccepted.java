package org.ordinateurssolidaires.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read of the API is answered in a type its caller takes, or refused 406 before it runs. Spring MVC reads an
 * {@code Accept} range of quality 0, which says "not this" (RFC 9110, 12.4.2), as its last choice, and answered it
 * all the same ({@code application/json;q=0}, every type at quality 0, a CSV asked {@code text/csv;q=0}); and it
 * labelled the JSON it wrote with any {@code +json} type asked for ({@code application/problem+json}: a device read
 * as an error). A read is now answered only when, for one of the types its operation answers (JSON, unless it names
 * another: a CSV, a PDF), the most specific range that includes it has a quality above 0 and no charset but UTF-8.
 * {@link ChangesCheckedFirst} holds the API's changes to the same rule, for their JSON answer.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AnswersAsAccepted implements WebMvcConfigurer, HandlerInterceptor {

    /** The reads answered with what their operation answers. */
    private static final Set<String> ANSWERED = Set.of("GET", "HEAD");
    /** The more of a range is named, the more it says of the type it includes: {@code application/json} first. */
    private static final Comparator<MediaType> SPECIFICITY = Comparator
            .comparing((MediaType range) -> !range.isWildcardType())
            .thenComparing(range -> !range.isWildcardSubtype())
            .thenComparing(range -> range.getParameters().size() - (range.getParameter("q") == null ? 0 : 1));

    /** What an answer is labelled: its own type, whatever else the range it matched named. */
    @Bean
    AnswersLabelledPlainly answersLabelledPlainly() {
        return new AnswersLabelledPlainly();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after the operation's rule (a role refused gets 403 first) and its parameters' (RequestParameters)
        registry.addInterceptor(this).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE + 3);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (request.getDispatcherType() == DispatcherType.ERROR || !ANSWERED.contains(request.getMethod())
            || !(handler instanceof HandlerMethod)) {
            return true; // an OPTIONS request is answered by Spring itself, its Allow header
        }
        List<MediaType> answered = answered(request);
        if (!admitsOneOf(request, answered)) {
            throw new HttpMediaTypeNotAcceptableException(answered);
        }
        return true;
    }

    /** The types the operation names ({@code produces}), or JSON, which every other one answers. */
    private static List<MediaType> answered(HttpServletRequest request) {
        Object named = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
        if (named instanceof Collection<?> types && !types.isEmpty()) {
            return types.stream().map(MediaType.class::cast).toList();
        }
        return List.of(MediaType.APPLICATION_JSON);
    }

    /**
     * Whether the caller takes one of the types in UTF-8: no {@code Accept}, or, for one of them, a range including
     * it whose most specific one has a quality above 0 and no other charset.
     */
    static boolean admitsOneOf(HttpServletRequest request, List<MediaType> types)
            throws HttpMediaTypeNotAcceptableException {
        List<MediaType> ranges = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("Accept"))) {
            try {
                ranges.addAll(MediaType.parseMediaTypes(header));
            } catch (InvalidMediaTypeException unreadable) {
                throw new HttpMediaTypeNotAcceptableException("the Accept header cannot be read: "
                                                              + unreadable.getMessage());
            }
        }
        return ranges.isEmpty() || types.stream().anyMatch(type -> mostSpecific(ranges, type)
                .filter(range -> range.getQualityValue() > 0 && utf8OrNone(range)).isPresent());
    }

    /** Of the ranges including the type, the most specific: the one whose quality says what the caller makes of it. */
    static Optional<MediaType> mostSpecific(List<MediaType> ranges, MediaType type) {
        return ranges.stream().filter(range -> range.includes(type)).max(SPECIFICITY);
    }

    private static boolean utf8OrNone(MediaType range) {
        String charset = range.getParameter("charset");
        return charset == null || StandardCharsets.UTF_8.name().equalsIgnoreCase(charset.replace("\"", ""));
    }
}
