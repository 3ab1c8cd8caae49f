package org.ordinateurssolidaires.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.events.AcceptableText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A sign-in refused (a wrong password, a locked account, a try during a pause after wrong passwords) goes back to
 * the sign-in page, as Spring Security's form login does, with the username typed kept for it: only the password is
 * typed again, as on every sign-in page people know. A paused try's wait is kept too, for the page to say how long.
 * Both are kept by the browser, in cookies of the sign-in page's that it reads once, never in a session: a caller
 * refused over and over would otherwise leave a session row for each try, kept for the sessions' half hour. What
 * {@link SignInFieldsOnce} refuses is not kept, and a cookie that holds anything else is read as none.
 */
public final class SignInRefused extends SimpleUrlAuthenticationFailureHandler {

    private static final String USERNAME = "username";
    private static final String KEPT = "connexion-identifiant";
    private static final String PAUSED_FOR = "connexion-attente";
    /** The page is opened at once, by the redirection: what it has not read by then is for nobody. */
    private static final Duration READ_WITHIN = Duration.ofMinutes(1);
    /** Longer than any pause an installation sets (15 minutes by default). */
    private static final long LONGEST_PAUSE = Duration.ofDays(1).toSeconds();

    private final String signInPage;

    SignInRefused(String signInPage) {
        super(signInPage + "?error");
        this.signInPage = signInPage;
        setAllowSessionCreation(false); // Spring Security would keep the refusal in a new session, for no page
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException refused) throws IOException, ServletException {
        String typed = request.getParameter(USERNAME);
        if (typed != null && AcceptableText.IDENTIFIER.problem(typed).isEmpty()) {
            String kept = URLEncoder.encode(typed.strip(), StandardCharsets.UTF_8);
            keep(request, response, page(request), KEPT, kept, READ_WITHIN);
        }
        if (refused instanceof PasswordGuesses.Paused paused) {
            // the page says why and for how long, rather than "wrong password" for a password that was not checked
            String seconds = Long.toString(paused.retryAfterSeconds());
            keep(request, response, page(request), PAUSED_FOR, seconds, READ_WITHIN);
            getRedirectStrategy().sendRedirect(request, response, signInPage + "?pause");
            return;
        }
        super.onAuthenticationFailure(request, response, refused);
    }

    /**
     * The seconds this browser's last try has to wait, once; null when it was not paused, or when the cookie holds
     * what no pause writes (digits of another script, a wait beyond the longest pause).
     */
    public static Long pausedFor(HttpServletRequest request, HttpServletResponse response) {
        String seconds = readOnce(request, response, PAUSED_FOR);
        if (seconds == null || !seconds.matches("[0-9]{1,6}")) {
            return null;
        }
        long wait = Long.parseLong(seconds);
        return wait >= 1 && wait <= LONGEST_PAUSE ? wait : null;
    }

    /**
     * The username of the sign-in just refused in this browser, once; null when there is none, or when the cookie
     * holds what no refusal writes (bytes that are no UTF-8, text no account could be named).
     */
    public static String usernameTyped(HttpServletRequest request, HttpServletResponse response) {
        String kept = readOnce(request, response, KEPT);
        try {
            String typed = kept == null ? null : URLDecoder.decode(kept, StandardCharsets.UTF_8);
            return typed != null && typed.indexOf('\uFFFD') < 0 && AcceptableText.IDENTIFIER.problem(typed).isEmpty()
                    ? typed : null;
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    /** The cookie's value, the cookie ended as it is read, by the sign-in page whose cookie it is. */
    private static String readOnce(HttpServletRequest request, HttpServletResponse response, String name) {
        Cookie[] cookies = request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (cookie.getName().equals(name)) {
                keep(request, response, request.getRequestURI(), name, "", Duration.ZERO);
                return cookie.getValue();
            }
        }
        return null;
    }

    /** Where the browser sends the cookies back: the sign-in page only. */
    private String page(HttpServletRequest request) {
        return request.getContextPath() + signInPage;
    }

    private static void keep(HttpServletRequest request, HttpServletResponse response, String page, String name,
                             String value, Duration lasting) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value).path(page).httpOnly(true)
                .secure(request.isSecure()).sameSite("Lax").maxAge(lasting).build().toString());
    }
}
