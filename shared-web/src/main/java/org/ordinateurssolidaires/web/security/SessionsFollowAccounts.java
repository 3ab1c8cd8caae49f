package org.ordinateurssolidaires.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A browser's session stays signed in only while its account is as it was at sign-in: deactivated, removed, or
 * given other roles or another partner or donor, and the session ends (the next page asks to sign in again).
 * The API needs no such check: it signs every request in anew.
 */
class SessionsFollowAccounts extends OncePerRequestFilter {

    private final AccountDirectory accounts;

    SessionsFollowAccounts(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.getPrincipal() instanceof LocalAccount atSignIn && !stillAsItWas(atSignIn)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean stillAsItWas(LocalAccount atSignIn) {
        try {
            LocalAccount now = (LocalAccount) accounts.loadUserByUsername(atSignIn.getUsername());
            return now.isEnabled() && now.caller().equals(atSignIn.caller());
        } catch (UsernameNotFoundException removed) {
            return false;
        }
    }
}
