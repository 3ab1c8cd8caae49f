package org.ordinateurssolidaires.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an operation's {@link Access} rule before Spring MVC reads its request: a caller whose role may not
 * call it gets 403 whatever it sent, and learns nothing from the validation of a body it may not send. Method
 * security checks the same rule again when the operation is called. The rules name roles only, so they need no
 * argument of the call.
 */
class RulesBeforeBinding implements HandlerInterceptor {

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod operation) {
            AuthorizationResult decision = rules.authorize(SecurityContextHolder.getContext()::getAuthentication,
                    new SimpleMethodInvocation(operation.getBean(), operation.getMethod()));
            if (decision != null && !decision.isGranted()) {
                throw new AccessDeniedException("the roles of this account may not do this");
            }
        }
        return true;
    }
}
