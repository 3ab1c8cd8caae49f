package org.ordinateurssolidaires.web.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The operations of an app that anyone may call without signing in, beside the health probes: an app declares
 * them as a bean. Everything else needs a signed-in caller before any code of the app runs.
 */
public record PublicEndpoints(List<RequestMatcher> matchers) {

    public static PublicEndpoints of(HttpMethod method, String... paths) {
        return new PublicEndpoints(Arrays.stream(paths)
                                         .<RequestMatcher>map(path -> PathPatternRequestMatcher.pathPattern(method, path))
                                         .toList());
    }

    public PublicEndpoints and(PublicEndpoints others) {
        return new PublicEndpoints(Stream.concat(matchers.stream(), others.matchers.stream()).toList());
    }
}
