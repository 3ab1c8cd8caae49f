package org.ordinateurssolidaires.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.web.ProblemJsonResponses;
import org.ordinateurssolidaires.web.pages.FormPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The refusals of the security chain, as {@code application/problem+json} like every other answer: 401 to a
 * caller who is not signed in (or whose credentials are wrong: which, it does not say), 503 with Retry-After
 * when the accounts could not be read to check the credentials, 429 with Retry-After to a try made during its
 * pause after wrong passwords ({@link PasswordGuesses}), 403 to one whose role
 * may not call the operation, 400 to a request its firewall refuses (a control character in a header, an
 * encoded slash or dot segment in the URL), without echoing what was refused. A person's browser on the pages is
 * shown the app's error page instead, for a refused role or address.
 */
class ProblemJsonSecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private static final String BASIC = "Basic realm=\"Ordinateurs solidaires\", charset=\"UTF-8\"";
    private static final String BEARER = "Bearer realm=\"Ordinateurs solidaires\"";

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonSecurityAnswers.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private final boolean bearerAccepted;

    /** @param bearerAccepted whether the API takes an OpenID Connect provider's tokens, beside HTTP Basic */
    ProblemJsonSecurityAnswers(boolean bearerAccepted) {
        this.bearerAccepted = bearerAccepted;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException refused) throws IOException {
        if (refused instanceof InternalAuthenticationServiceException accountsUnreadable) {
            // not a wrong password: the accounts could not be read (the database is down), so the caller may retry
            log.warn("Could not check a caller's credentials: {}", accountsUnreadable.getCause() == null
                    ? accountsUnreadable.toString() : accountsUnreadable.getCause().toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            ProblemJsonResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "the accounts cannot be"
                    + " read just now (the database is unavailable): the request was not acknowledged, nothing was"
                    + " done. Send it again in a few seconds");
            return;
        }
        if (refused instanceof PasswordGuesses.Paused paused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(paused.retryAfterSeconds()));
            ProblemJsonResponses.write(request, response, HttpStatus.TOO_MANY_REQUESTS, paused.getMessage()
                    + "; the password was not checked");
            return;
        }
        // every way in the API accepts; browsers sign in on the login page instead
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BASIC);
        if (bearerAccepted) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, BEARER);
        }
        ProblemJsonResponses.write(request, response, HttpStatus.UNAUTHORIZED, "sign in first: HTTP Basic with a"
                + " local account" + (bearerAccepted ? ", or a bearer token of the programme's identity provider" : "")
                + " (docs/security.md); a wrong username, password or token is refused alike");
    }

    /**
     * A page's form sent with a token its session no longer has: its session ended (signed out in another tab, or
     * expired) and the person is asked to sign in again, as for any form sent after it ended; or they signed in
     * again since, and the form's page is drawn again, saying so ({@link FormPages#sendBackStale}). Anything else
     * refused is the app's error page to a person's browser, a problem to a client.
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException refused) throws IOException {
        if (refused instanceof CsrfException && browsingAPage(request)
            && request.getRequestURI().startsWith(request.getContextPath() + FormPages.PATH)) {
            if (signedIn()) {
                FormPages.sendBackStale(request, response);
            } else {
                commence(request, response, new InsufficientAuthenticationException("the form's session ended"));
            }
            return;
        }
        if (browsingAPage(request)) {
            response.sendError(HttpStatus.FORBIDDEN.value()); // the app's error page, in the reader's language
            return;
        }
        ProblemJsonResponses.write(request, response, HttpStatus.FORBIDDEN, refused instanceof CsrfException
                ? "the form's CSRF token is missing or no longer valid: reload the page and send the form again"
                : "the roles of this account may not do this");
    }

    private static boolean signedIn() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        return who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken);
    }

    /** A person's browser on one of the pages (a form of its own), not a client of the API or of operations. */
    private static boolean browsingAPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accepted = request.getHeader(HttpHeaders.ACCEPT);
        return accepted != null && accepted.contains(MediaType.TEXT_HTML_VALUE) && !path.startsWith("/api/")
               && !path.startsWith("/actuator/");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException refused) throws IOException {
        refuse(request, response, "the request holds a character or a"
                + " sequence not allowed in a header or the URL, refused before it reaches the API");
    }

    /**
     * A sign-in form refused before its credentials are checked: a person's browser goes back to the sign-in page,
     * which says in words that signing in failed, as it says for a wrong password; a client is told why.
     */
    void refuseSignIn(HttpServletRequest request, HttpServletResponse response, String signInPage, String detail)
            throws IOException {
        if (browsingAPage(request)) {
            response.sendRedirect(request.getContextPath() + signInPage + "?error");
            return;
        }
        ProblemJsonResponses.write(request, response, HttpStatus.BAD_REQUEST, detail);
    }

    /** A request refused before any account is read: 400, the pages' own answer to a browser on them. */
    void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        refuse(request, response, detail, List.of());
    }

    /** The same, naming where the fault is for a client: {@code {"header": "Authorization", "message": "..."}}. */
    void refuse(HttpServletRequest request, HttpServletResponse response, String detail,
                List<Map<String, String>> errors) throws IOException {
        if (browsingAPage(request)) {
            response.sendError(HttpStatus.BAD_REQUEST.value()); // "check the address", in the reader's language
            return;
        }
        ProblemJsonResponses.write(request, response, HttpStatus.BAD_REQUEST, detail, errors);
    }
}
