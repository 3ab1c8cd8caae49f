package org.ordinateurssolidaires.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.web.ProblemJsonResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A change to the API sent by a browser from another site's page is refused, before any account is read. The API
 * keeps no session, but a browser asked once for a password (a 401 with {@code WWW-Authenticate: Basic}) sends it
 * again with every later request to that address, a form another site submits among them: that site could record a
 * household's erasure or an account's deactivation in the name of whoever signed in (the commands that read no body
 * take a form's empty one). Browsers say where a request comes from: {@code Sec-Fetch-Site} (Fetch Metadata), else
 * the {@code Origin} of every cross-origin POST; the API's own clients (scripts, the demo's seeder, the API
 * description's page on the app's own address) send neither, or this site's. Reads pass: they change nothing, and
 * without CORS, which the apps do not allow, another site cannot read their answers.
 */
final class ChangesFromThisSiteOnly extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** The page's own address, or the reader's own doing (an address typed, a bookmark). */
    private static final Set<String> THIS_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null ? !THIS_SITE.contains(site.strip()) : origin != null && !isThisOrigin(origin, request)) {
            String header = site != null ? "Sec-Fetch-Site" : "Origin";
            ProblemJsonResponses.write(request, response, HttpStatus.FORBIDDEN, "a change to the API is not taken "
                    + "from another site's page: nothing was recorded", List.of(Map.of("header", header,
                    "message", "names another site than this one")));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the origin is this request's own: its scheme, host and port (a proxy's, as the app reads them). */
    private static boolean isThisOrigin(String origin, HttpServletRequest request) {
        UriComponents sent;
        try {
            sent = UriComponentsBuilder.fromUriString(origin.strip()).build();
        } catch (IllegalArgumentException unreadable) {
            return false; // "null" (a sandboxed frame, a file) or no origin at all
        }
        return request.getScheme().equalsIgnoreCase(sent.getScheme())
               && request.getServerName().equalsIgnoreCase(sent.getHost())
               && request.getServerPort() == port(sent);
    }

    private static int port(UriComponents origin) {
        if (origin.getPort() != -1) {
            return origin.getPort();
        }
        return "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
    }
}
