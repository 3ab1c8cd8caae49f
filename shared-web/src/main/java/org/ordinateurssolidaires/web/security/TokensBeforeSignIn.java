package org.ordinateurssolidaires.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a browser's CSRF token is kept: in its session once it has one (signed in), as Spring Security keeps it by
 * default; before, in a cookie of its own, checked against the form's copy as OWASP's double-submitted cookie. A
 * browser that only opens the sign-in page then writes no session row: a caller looping on that page filled the
 * sessions' table, each row kept for the sessions' half-hour timeout.
 */
final class TokensBeforeSignIn implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository inSession = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository inCookie = new CookieCsrfTokenRepository();

    /**
     * @param cookieName the cookie's name: each app's own, as a browser sends the cookies of a host to all its ports
     *                   (the embedded default's two apps), and one app's sign-in would end the other's form's token
     */
    TokensBeforeSignIn(String cookieName) {
        inCookie.setCookieName(cookieName);
        inCookie.setHeaderName("X-CSRF-TOKEN"); // the session's: one name for the token, wherever it is kept
        inCookie.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return inCookie.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) { // signing in or out: no token stays, where it was kept
            inSession.saveToken(null, request, response);
            if (inCookie.loadToken(request) != null) {
                inCookie.saveToken(null, request, response);
            }
        } else {
            keptFor(request).saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return keptFor(request).loadToken(request);
    }

    /**
     * The session once there is a session, never the cookie: a cookie another site of the domain planted would
     * otherwise become the token of every form of a signed-in browser. Before, the cookie: a planted one could at
     * most sign the browser in to an account of the planter's (login CSRF), as any token kept without a session
     * could.
     */
    private CsrfTokenRepository keptFor(HttpServletRequest request) {
        return request.getSession(false) != null ? inSession : inCookie;
    }
}
