package org.ordinateurssolidaires.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The page a browser asked for before signing in, opened once it has: remembered in a cookie of the browser's, as
 * Spring Security's {@link CookieRequestCache} keeps it, rather than in a session that no sign-in may ever use. Once
 * the page is asked again, it is forgotten, and answered as asked now: Spring Security would answer it as the
 * request it remembered, which the cookie keeps without its headers, so that a browser asking for it again before
 * signing in (no longer asking for a page in its Accept header) was answered 401, as a program is.
 */
final class PageAskedBeforeSignIn implements RequestCache {

    private final CookieRequestCache remembered = new CookieRequestCache();

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        remembered.saveRequest(request, response);
    }

    @Override
    public SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        return remembered.getRequest(request, response);
    }

    @Override
    public HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        remembered.getMatchingRequest(request, response); // forgets the page when this is it
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        remembered.removeRequest(request, response);
    }
}
