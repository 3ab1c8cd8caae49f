package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.events.AcceptableText;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Map;

/**
 * Every query parameter and form field held to {@link AcceptableText#ONE_LINE} before a handler binds it (a NUL
 * in a search term would otherwise reach PostgreSQL and fail as a 500): 400 naming the one at fault.
 */
@Configuration
class RequestText implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the pages' forms are read, and held to the same rules, by the command side (FormsToTheCommandSide)
        registry.addInterceptor(this).excludePathPatterns("/actions/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AcceptableText.ONE_LINE.firstRefused(request.getParameterMap()).ifPresent(refused -> {
            throw refusal("parameter", refused.name(), refused.problem());
        });
        return true;
    }

    private static ErrorResponseException refusal(String kind, String name, String problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid " + kind + " " + name);
        detail.setProperty("errors", List.of(Map.of(kind, name, "message", problem)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, detail, null);
    }
}
