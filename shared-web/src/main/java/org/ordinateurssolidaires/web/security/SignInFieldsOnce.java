package org.ordinateurssolidaires.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * The sign-in form's fields each given once, as every other form's and query's are (RequestParameters, PageForms):
 * Spring Security's form login reads the first {@code username} of several and signs that one in. And its username
 * without control characters, as every form's one-line fields: the form login trims the name, so that a NUL or a
 * line break after it would sign its owner in. Spaces around it are forgiven there (people type them by mistake).
 */
final class SignInFieldsOnce extends OncePerRequestFilter {

    private static final String USERNAME = "username";

    private final String signInPage;
    private final RequestMatcher signIn;
    private final ProblemJsonSecurityAnswers answers;

    SignInFieldsOnce(String signInPage, ProblemJsonSecurityAnswers answers) {
        this.signInPage = signInPage;
        this.signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, signInPage);
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signIn.matches(request)) {
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                if (field.getValue().length > 1) {
                    answers.refuseSignIn(request, response, signInPage, "the sign-in form's " + field.getKey()
                                                                        + " is given more than once");
                    return;
                }
            }
            String username = request.getParameter(USERNAME);
            if (username != null && username.chars().anyMatch(Character::isISOControl)) {
                answers.refuseSignIn(request, response, signInPage,
                        "the sign-in form's username holds a control character");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
