package org.ordinateurssolidaires.web.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.regex.Pattern;

/**
 * Every refused sign-in is logged (who it claimed to be, from where, why), so that an operator sees someone trying
 * passwords, and can feed the log to the reverse proxy's blocking. The name is the caller's own text: it is cut
 * short, and what a log line would not show is written as its code, before it reaches the log.
 */
class RefusedSignIns {

    private static final Logger log = LoggerFactory.getLogger(RefusedSignIns.class);
    private static final int LONGEST_NAME_LOGGED = 64;
    /**
     * Characters a log line would not show, or would show as something else: all but printable ASCII, which every
     * username is, so that a Cyrillic "а" never reads as the Latin "a" of another account.
     */
    private static final Pattern UNSEEN = Pattern.compile("[^\\x20-\\x7E]");

    @EventListener
    void on(AbstractAuthenticationFailureEvent refused) {
        String from = refused.getAuthentication().getDetails() instanceof WebAuthenticationDetails request
                ? request.getRemoteAddress() : "?";
        log.warn("Sign-in refused for \"{}\" from {}: {}", loggable(refused.getAuthentication().getName()), from,
                refused.getException().getClass().getSimpleName());
    }

    /**
     * A name as the log can show it: a control character, a zero-width space, a mark of direction or a look-alike
     * letter written as its code, so that it never reads as a refusal of "camille" itself.
     */
    static String loggable(String name) {
        String shown = name == null ? "" : UNSEEN.matcher(name).replaceAll(unseen ->
                String.format("\\\\u%04X", unseen.group().codePointAt(0)));
        return shown.length() > LONGEST_NAME_LOGGED ? shown.substring(0, LONGEST_NAME_LOGGED) + "…" : shown;
    }
}
