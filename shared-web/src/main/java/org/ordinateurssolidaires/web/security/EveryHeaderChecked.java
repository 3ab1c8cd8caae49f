package org.ordinateurssolidaires.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Collections;
import java.util.Enumeration;

/**
 * Spring Security's strict firewall, holding every header of a request to its rules as the request arrives. By
 * itself it checks a header when something reads it, so a C1 control character (bytes 0x80-0x9F, which Tomcat lets
 * through) passed in a header the app never reads, where docs/api.md says any header is refused.
 * <p>
 * But {@code Cookie}: it carries every cookie of the site's domain, which a page of a sibling site may set ("É" in
 * UTF-8 holds byte 0x89), and a browser holding such a cookie would be refused at every request, sign-in included.
 * The app reads its session cookie alone, by name, and Tomcat parses cookies on their own rules.
 * <p>
 * The error page of a request (refused here, or failed anywhere) sees the same headers. Refused again for them, it
 * was left empty: the refused ones are left out of what it reads instead, none of them reaching it.
 */
final class EveryHeaderChecked implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        FirewalledRequest firewalled = strict.getFirewalledRequest(request);
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return new RefusedHeadersLeftOut(firewalled);
        }
        for (String name : Collections.list(firewalled.getHeaderNames())) {
            if (!HttpHeaders.COOKIE.equalsIgnoreCase(name)) {
                Collections.list(firewalled.getHeaders(name)); // each value, read through the firewall, is checked
            }
        }
        return firewalled;
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    /** A request whose headers the firewall refuses read as if they had not been sent. */
    private static final class RefusedHeadersLeftOut extends FirewalledRequest {

        private final FirewalledRequest checked;

        RefusedHeadersLeftOut(FirewalledRequest checked) {
            super(checked);
            this.checked = checked;
        }

        @Override
        public String getHeader(String name) {
            try {
                return checked.getHeader(name);
            } catch (RequestRejectedException refused) {
                return null;
            }
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            try {
                return Collections.enumeration(Collections.list(checked.getHeaders(name))); // checked as listed
            } catch (RequestRejectedException refused) {
                return Collections.emptyEnumeration();
            }
        }

        @Override
        public void reset() {
            checked.reset();
        }
    }
}
