package org.ordinateurssolidaires.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A request's browser session read from the database once. Spring Session's filter saves the session when a page is
 * flushed to the browser (every Thymeleaf page is) and again as the request ends, and that second save looks the
 * session up anew only to learn the identifier the browser sent: a second read of its row for every page
 * (spring-projects/spring-session#1424 and #1731, both open). So, while a request is under way on a thread (marked by
 * {@link RequestUnderWay}, which runs before Spring Session's filter), a session found is remembered, and a later
 * lookup of that identifier in the same request answered with it. Deleted (signed out, its account changed) or
 * given another identifier (signed in), it is asked of the database again. Outside a request nothing is remembered.
 */
final class SessionsReadOncePerRequest<S extends Session> implements FindByIndexNameSessionRepository<S> {

    /** The sessions found in the request under way on this thread; none outside a request. */
    private static final ThreadLocal<Map<String, Session>> FOUND_IN_THIS_REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> stored;

    SessionsReadOncePerRequest(FindByIndexNameSessionRepository<S> stored) {
        this.stored = stored;
    }

    @Override
    public S findById(String id) {
        Map<String, Session> found = FOUND_IN_THIS_REQUEST.get();
        if (found == null) {
            return stored.findById(id);
        }
        @SuppressWarnings("unchecked") // put there by this repository below: an app has one
        S already = (S) found.get(id);
        if (already != null && already.getId().equals(id)) {
            return already;
        }
        S session = stored.findById(id);
        if (session != null) {
            found.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, Session> found = FOUND_IN_THIS_REQUEST.get();
        if (found != null) {
            found.remove(id);
        }
        stored.deleteById(id);
    }

    @Override
    public S createSession() {
        return stored.createSession();
    }

    @Override
    public void save(S session) {
        stored.save(session);
    }

    @Override
    public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return stored.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    /**
     * Marks a request under way on its thread, for as long as it runs: registered before Spring Session's filter,
     * so that both of its saves happen within. Tomcat dispatches an error page once the request's filters are done:
     * a request of its own here. One dispatched while they still run is part of the request it is nested in.
     */
    static final class RequestUnderWay implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (FOUND_IN_THIS_REQUEST.get() != null) {
                chain.doFilter(request, response);
                return;
            }
            FOUND_IN_THIS_REQUEST.set(new HashMap<>(2));
            try {
                chain.doFilter(request, response);
            } finally {
                FOUND_IN_THIS_REQUEST.remove();
            }
        }
    }
}
