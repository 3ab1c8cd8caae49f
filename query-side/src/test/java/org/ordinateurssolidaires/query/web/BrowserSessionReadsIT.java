package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
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

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in browser's page reads its session from the database once (Spring Session's filter looked it up again
 * after saving it: SessionsReadOncePerRequest), and signing out still ends it.
 */
@Import(BrowserSessionReadsIT.ReadsCounted.class)
@DirtiesContext // its context (reads counted) is this class's alone: closed after it, not left running beside the others
class BrowserSessionReadsIT extends QuerySideIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The sessions' rows read, whoever asks. */
    static final AtomicInteger READS = new AtomicInteger();

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                                 .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void eachPageReadsItsSessionOnceAndSigningOutEndsIt() throws Exception {
        String signInPage = get("/login").body();
        HttpResponse<String> signedIn = post("/login", Map.of("username", TestAccounts.STAFF,
                "password", TestAccounts.PASSWORD, "_csrf", csrf(signInPage)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/"));

        for (String page : new String[]{"/inventaire", "/inventaire?state=READY", "/tableau-de-bord"}) {
            int before = READS.get();
            HttpResponse<String> shown = get(page);

            assertThat(shown.statusCode()).as(page).isEqualTo(200);
            assertThat(READS.get() - before).as("reads of the session for " + page).isEqualTo(1);
        }

        String csrf = csrf(get("/inventaire").body());
        assertThat(post("/logout", Map.of("_csrf", csrf)).statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = get("/inventaire");
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(
                to -> assertThat(to).endsWith("/login"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                                          .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                                       .header("Content-Type", "application/x-www-form-urlencoded")
                                       .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page's CSRF token").isTrue();
        return token.group(1);
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
