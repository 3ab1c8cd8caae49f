package org.ordinateurssolidaires.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ordinateurssolidaires.events.AcceptableText;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import java.io.IOException;

/**
 * A sign-in refused (a wrong password, a locked account, a try during a pause after wrong passwords) goes back to
 * the sign-in page, as Spring Security's form login does, with the username typed kept for it: only the password is
 * typed again, as on every sign-in page people know. It is kept in the browser's own session, read once by the page,
 * and only when it is acceptable text (one line, the length of an identifier): what {@link SignInFieldsOnce} refuses
 * is not shown again. A paused try's wait is kept there too, for the page to say how long.
 */
public final class SignInRefused extends SimpleUrlAuthenticationFailureHandler {

    private static final String USERNAME = "username";
    private static final String KEPT = SignInRefused.class.getName() + ".username";
    private static final String PAUSED_FOR = SignInRefused.class.getName() + ".pausedFor";

    private final String pausedPage;

    SignInRefused(String signInPage) {
        super(signInPage + "?error");
        this.pausedPage = signInPage + "?pause";
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException refused) throws IOException, ServletException {
        String typed = request.getParameter(USERNAME);
        if (typed != null && AcceptableText.IDENTIFIER.problem(typed).isEmpty()) {
            request.getSession().setAttribute(KEPT, typed.strip());
        }
        if (refused instanceof PasswordGuesses.Paused paused) {
            // the page says why and for how long, rather than "wrong password" for a password that was not checked
            request.getSession().setAttribute(PAUSED_FOR, paused.retryAfterSeconds());
            getRedirectStrategy().sendRedirect(request, response, pausedPage);
            return;
        }
        super.onAuthenticationFailure(request, response, refused);
    }

    /** The seconds this browser's last try has to wait, once; null when it was not paused. */
    public static Long pausedFor(HttpServletRequest request) {
        return readOnce(request, PAUSED_FOR, Long.class);
    }

    /** The username of the sign-in just refused in this browser, once; null when there is none. */
    public static String usernameTyped(HttpServletRequest request) {
        return readOnce(request, KEPT, String.class);
    }

    /** What this browser's session keeps for the sign-in page, taken out as it is read. */
    private static <T> T readOnce(HttpServletRequest request, String name, Class<T> type) {
        HttpSession session = request.getSession(false);
        if (session == null || !type.isInstance(session.getAttribute(name))) {
            return null;
        }
        T kept = type.cast(session.getAttribute(name));
        session.removeAttribute(name);
        return kept;
    }
}
