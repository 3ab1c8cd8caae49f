package org.ordinateurssolidaires.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.web.ChangesCheckedFirst;
import org.ordinateurssolidaires.web.ProblemJsonResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request to the API that a browser signed in on its own, for another site's page, is refused before any account
 * is read. The API keeps no session, but a browser asked once for a password (a 401 with {@code WWW-Authenticate:
 * Basic}) sends it again with every later request to that address, those another site's page makes among them: a
 * form submitted there could record a household's erasure or an account's deactivation in the name of whoever
 * signed in (the commands that read no body take a form's empty one), and an image's address a read of a household's
 * data, which the API keeps on record. Browsers say where a request comes from: {@code Sec-Fetch-Site} (Fetch
 * Metadata), and the {@code Origin} of every cross-origin change (where Fetch Metadata is not sent: plain http
 * beyond localhost, older browsers). Taken: the API's own clients (scripts, the demo's seeder: neither header), the
 * app's own pages and API description, an address typed or bookmarked, a link followed to a page of the API (a
 * reader sees it open); and any request that signs in with nothing, which anyone may send from anywhere (the public
 * check of a document among them).
 */
final class ChangesFromThisSiteOnly extends OncePerRequestFilter {

    /** The page's own address, or the reader's own doing (an address typed, a bookmark). */
    private static final Set<String> THIS_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String refusedBy = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? null : anotherSite(request);
        if (refusedBy != null) {
            ProblemJsonResponses.write(request, response, HttpStatus.FORBIDDEN, "the API does not answer another "
                    + "site's page with the credentials this browser keeps: nothing was done",
                    List.of(Map.of("header", refusedBy, "message", "names another site than this one")));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The header that says the request comes from another site's page; null when none does. */
    private static String anotherSite(HttpServletRequest request) {
        boolean read = ChangesCheckedFirst.READS.contains(request.getMethod());
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            boolean followedLink = read && "navigate".equals(request.getHeader("Sec-Fetch-Mode"))
                                   && "document".equals(request.getHeader("Sec-Fetch-Dest"));
            return THIS_SITE.contains(site.strip()) || followedLink ? null : "Sec-Fetch-Site";
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        return read || origin == null || isThisOrigin(origin, request) ? null : HttpHeaders.ORIGIN;
    }

    /** Whether the origin is this request's own: its scheme, host and port (a proxy's, as the app reads them). */
    private static boolean isThisOrigin(String origin, HttpServletRequest request) {
        try {
            UriComponents sent = UriComponentsBuilder.fromUriString(origin.strip()).build();
            int port = sent.getPort() != -1 ? sent.getPort() : "https".equalsIgnoreCase(sent.getScheme()) ? 443 : 80;
            return request.getScheme().equalsIgnoreCase(sent.getScheme())
                   && request.getServerName().equalsIgnoreCase(sent.getHost())
                   && request.getServerPort() == port;
        } catch (RuntimeException unreadable) { // a port beyond an int's range, or no address at all
            return false; // "null" (a sandboxed frame, a file) has no scheme: not this origin either
        }
    }
}
