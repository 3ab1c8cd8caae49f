package org.ordinateurssolidaires.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where the pages' forms are sent, and the page each comes back to: its field {@code page}, at the form's refusal
 * (the pages give each refusal the anchor {@code refus-{form}}).
 */
public final class FormPages {

    /** Where the pages' forms are sent (the query side relays its own {@code /actions/**} to the command side). */
    public static final String PATH = "/actions/";
    /** A form says which page it was on; only a path of this app's address may be returned to. */
    private static final Pattern PAGE = Pattern.compile("/[A-Za-z0-9/_-]{0,200}");
    /** A form's name as the pages give it ({@code correct}, {@code sanitise-{medium}}). */
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{1,100}");
    /** The refusal of a form drawn in a session that has ended since (pages' words: messages.properties). */
    static final String STALE = "rule.FORM_STALE";

    private FormPages() {
    }

    /** The page the form was on, or the home page when it names none this app has. */
    public static String pageOf(HttpServletRequest request) {
        String page = request.getParameter("page");
        return page != null && PAGE.matcher(page).matches() && !page.startsWith("//") ? page : "/";
    }

    /**
     * The form's page, scrolled to its refusal: a form low on a long page is refused out of sight otherwise, the page
     * drawn again from its top. A form the page no longer offers has no such anchor, and its refusal is said at the
     * top.
     */
    public static String atTheRefusal(HttpServletRequest request) {
        String form = request.getParameter("form");
        return pageOf(request) + (form != null && FORM.matcher(form).matches() ? "#refus-" + form : "");
    }

    /**
     * A form sent with a CSRF token of a session that has ended, by a person signed in again since (in another tab,
     * say): back to its page, where the refusal says so above the form; nothing is done, and nothing typed is kept,
     * as such a request cannot be told from one another site forged.
     */
    public static void sendBackStale(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String form = request.getParameter("form");
        FlashMap refusal = new FlashMap();
        refusal.put(FormRefusal.ATTRIBUTE, FormRefusal.ofRule(STALE, "the form was drawn in an earlier session",
                List.of(), form != null && FORM.matcher(form).matches() ? Map.of("form", form) : Map.of()));
        refusal.setTargetRequestPath(pageOf(request));
        // the app's own, which keeps a session's last few (a client sending such forms without end fills none)
        WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                                  .getBeanProvider(FlashMapManager.class).getIfAvailable(SessionFlashMapManager::new)
                                  .saveOutputFlashMap(refusal, request, response);
        response.sendRedirect(request.getContextPath() + atTheRefusal(request));
    }
}
