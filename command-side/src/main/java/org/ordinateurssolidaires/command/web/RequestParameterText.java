package org.ordinateurssolidaires.command.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.events.AcceptableText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.List;
import java.util.Map;

/**
 * Every query parameter (a batch's reference goes into its events) held to {@link AcceptableText#ONE_LINE}
 * before any handler binds it: 400 naming the parameter.
 */
class RequestParameterText implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        AcceptableText.ONE_LINE.firstRefused(request.getParameterMap()).ifPresent(refused -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "invalid parameter " + refused.name());
            problem.setProperty("errors", List.of(Map.of("parameter", refused.name(), "message", refused.problem())));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        });
        return true;
    }
}
