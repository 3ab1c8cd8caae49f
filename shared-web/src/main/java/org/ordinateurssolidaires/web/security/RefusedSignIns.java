package org.ordinateurssolidaires.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every refused sign-in is logged (who it claimed to be, from where, why), so that an operator sees someone trying
 * passwords, and can feed the log to the reverse proxy's blocking. The name is the caller's own text: it is cut
 * short and stripped of control characters before it reaches the log.
 */
class RefusedSignIns {

    private static final Logger log = LoggerFactory.getLogger(RefusedSignIns.class);
    private static final int LONGEST_NAME_LOGGED = 64;

    @EventListener
    void on(AbstractAuthenticationFailureEvent refused) {
        String from = refused.getAuthentication().getDetails() instanceof WebAuthenticationDetails request
                ? request.getRemoteAddress() : "?";
        log.warn("Sign-in refused for \"{}\" from {}: {}", loggable(refused.getAuthentication().getName()), from,
                refused.getException().getClass().getSimpleName());
    }

    private static String loggable(String name) {
        String shown = name == null ? "" : name.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > LONGEST_NAME_LOGGED ? shown.substring(0, LONGEST_NAME_LOGGED) + "…" : shown;
    }
}
