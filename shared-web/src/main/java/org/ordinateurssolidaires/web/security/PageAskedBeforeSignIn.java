package org.ordinateurssolidaires.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

import java.net.URI;

/**
 * The page a browser asked for before signing in, opened once it has: remembered in a cookie of the browser's, as
 * Spring Security's {@link CookieRequestCache} keeps it, rather than in a session that no sign-in may ever use. Only
 * a page is remembered, as Spring Security's session cache does by default: a browser's GET asking for HTML, not a
 * page's own refresh (htmx, XMLHttpRequest). Once the page is asked again, it is forgotten, and answered as asked
 * now: Spring Security would answer it as the request it remembered, which the cookie keeps without its headers, so
 * that a browser asking for it again before signing in (no longer asking for a page in its Accept header) was
 * answered 401, as a program is. A cookie that names no page (planted, or of another version) is forgotten: Spring
 * Security's cache throws on an address it cannot parse, which would fail every page of that browser.
 */
final class PageAskedBeforeSignIn implements RequestCache {

    private final CookieRequestCache remembered = new CookieRequestCache();

    PageAskedBeforeSignIn() {
        remembered.setRequestMatcher(PageAskedBeforeSignIn::aPage);
        remembered.setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Lax"));
    }

    private static boolean aPage(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT);
        return HttpMethod.GET.matches(request.getMethod()) && accepted != null
               && accepted.contains(MediaType.TEXT_HTML_VALUE) && request.getHeader("HX-Request") == null
               && request.getHeader("X-Requested-With") == null;
    }

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        remembered.saveRequest(request, response);
    }

    /**
     * The page remembered, if the cookie names one as a browser asks for it: printable ASCII (a browser escapes the
     * rest), an address Java reads. A planted one with a line break made the sign-in's redirection a 500, at every
     * sign-in of that browser.
     */
    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        try {
            SavedRequest page = remembered.getRequest(request, response);
            if (page == null || anAddress(page.getRedirectUrl())) {
                return page;
            }
            remembered.removeRequest(request, response); // which ends the cookie without reading it
        } catch (RuntimeException noPage) {
            remembered.removeRequest(request, response);
        }
        return null;
    }

    private static boolean anAddress(String url) {
        if (url == null || !url.chars().allMatch(character -> character > ' ' && character < 0x7F)) {
            return false;
        }
        try {
            URI.create(url);
            return true;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        try {
            remembered.getMatchingRequest(request, response); // forgets the page when this is it
        } catch (RuntimeException noPage) {
            remembered.removeRequest(request, response);
        }
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        remembered.removeRequest(request, response);
    }
}
