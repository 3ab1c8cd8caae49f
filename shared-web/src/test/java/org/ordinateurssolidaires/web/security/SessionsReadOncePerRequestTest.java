package org.ordinateurssolidaires.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionsReadOncePerRequestTest {

    private final StoredSessions stored = new StoredSessions();
    private final SessionsReadOncePerRequest<MapSession> sessions = new SessionsReadOncePerRequest<>(stored);
    private final String id = saved();

    @Test
    void withinARequestASessionFoundIsReadOnce() {
        List<MapSession> found = new ArrayList<>();

        inARequest(() -> {
            found.add(sessions.findById(id));
            sessions.save(found.get(0));
            found.add(sessions.findById(id));
        });

        assertThat(stored.reads).containsExactly(id);
        assertThat(found.get(1)).isSameAs(found.get(0));
    }

    @Test
    void eachRequestReadsItsSessionAnew() {
        inARequest(() -> sessions.findById(id));
        inARequest(() -> sessions.findById(id));

        assertThat(stored.reads).containsExactly(id, id);
    }

    @Test
    void outsideARequestEveryLookupReads() {
        sessions.findById(id);
        sessions.findById(id);

        assertThat(stored.reads).containsExactly(id, id);
    }

    @Test
    void aSessionDeletedInTheRequestIsFoundNoMore() {
        List<MapSession> found = new ArrayList<>();

        inARequest(() -> {
            sessions.findById(id);
            sessions.deleteById(id);
            found.add(sessions.findById(id));
        });

        assertThat(stored.reads).containsExactly(id, id);
        assertThat(found).containsOnlyNulls();
    }

    @Test
    void aSessionGivenAnotherIdentifierIsNotFoundByItsFormerOne() {
        List<MapSession> found = new ArrayList<>();

        inARequest(() -> {
            MapSession session = sessions.findById(id);
            session.setId("signed-in");
            sessions.save(session);
            found.add(sessions.findById(id));
            found.add(sessions.findById("signed-in"));
        });

        assertThat(stored.reads).containsExactly(id, id, "signed-in");
        assertThat(found.get(0)).isNull();
        assertThat(found.get(1).getId()).isEqualTo("signed-in");
    }

    @Test
    void aDispatchWithinARequestStaysInIt() {
        inARequest(() -> {
            sessions.findById(id);
            inARequest(() -> sessions.findById(id));
            sessions.findById(id);
        });

        assertThat(stored.reads).containsExactly(id);
    }

    private String saved() {
        MapSession session = stored.createSession();
        stored.save(session);
        return session.getId();
    }

    private static void inARequest(Runnable work) {
        try {
            new SessionsReadOncePerRequest.RequestUnderWay().doFilter(new MockHttpServletRequest(),
                    new MockHttpServletResponse(), new MockFilterChain(new HttpServlet() {
                        @Override
                        protected void service(HttpServletRequest request, HttpServletResponse response) {
                            work.run();
                        }
                    }));
        } catch (IOException | ServletException failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** Sessions in memory that tell which identifiers were looked up. */
    private static final class StoredSessions implements FindByIndexNameSessionRepository<MapSession> {

        private final MapSessionRepository sessions = new MapSessionRepository(new HashMap<>());
        private final List<String> reads = new ArrayList<>();

        @Override
        public MapSession createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.save(session);
        }

        @Override
        public MapSession findById(String id) {
            reads.add(id);
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
