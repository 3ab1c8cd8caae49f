package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.annotation.DirtiesContext;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in browser's page reads its session from the database once (Spring Session's filter looked it up again
 * after saving it: SessionsReadOncePerRequest), and signing out still ends it.
 */
@Import(BrowserSessionReadsIT.ReadsCounted.class)
@DirtiesContext // its context (reads counted) is this class's alone: closed after it, not left running beside the others
class BrowserSessionReadsIT extends QuerySideIntegrationTest {

    /** The sessions' rows read, whoever asks. */
    static final AtomicInteger READS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Test
    void eachPageReadsItsSessionOnceAndSigningOutEndsIt() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        HttpResponse<String> signedIn = browser.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));

        for (String page : new String[]{"/inventaire", "/inventaire?state=READY", "/tableau-de-bord"}) {
            int before = READS.get();
            HttpResponse<String> shown = browser.get(page);

            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            assertThat(READS.get() - before).as("reads of the session for " + page).isEqualTo(1);
        }

        String csrf = FormBrowser.csrf(browser.get("/inventaire").body());
        assertThat(browser.post("/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = browser.get("/inventaire");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(
                to -> assertThat(to).endsWith("/login"));
    }

    /** Counts the reads of the sessions' table, under whatever the app puts around it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ReadsCounted {

        @Bean
        static BeanPostProcessor sessionReadsCounted() {
            return new CountingPostProcessor();
        }

        private static final class CountingPostProcessor implements BeanPostProcessor, Ordered {

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository stored ? counted(stored) : bean;
            }

            private static <S extends Session> FindByIndexNameSessionRepository<S> counted(
                    FindByIndexNameSessionRepository<S> stored) {
                return new FindByIndexNameSessionRepository<>() {
                    @Override
                    public S findById(String id) {
                        READS.incrementAndGet();
                        return stored.findById(id);
                    }

                    @Override
                    public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
                        return stored.findByIndexNameAndIndexValue(indexName, indexValue);
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
                    public void deleteById(String id) {
                        stored.deleteById(id);
                    }
                };
            }

            /** Before the app's own, so that the count is of what reaches the database. */
            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        }
    }
}
