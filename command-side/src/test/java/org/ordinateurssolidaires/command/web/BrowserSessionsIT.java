package org.ordinateurssolidaires.command.web;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.web.security.BrowserSessions;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one browser session that add the same attribute at once (a form sent twice by a double click,
 * each answer keeping its flash message): both are saved, the second over the first, on PostgreSQL and on the
 * embedded default alike. Without {@link BrowserSessions}, Spring Session inserts the attribute twice and the second
 * request fails on the attributes' key.
 */
class BrowserSessionsIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "embedded"})
    void anAttributeAddedByTwoRequestsAtOnceIsSavedByBoth(String database) {
        DataSource sessionsTables = database.equals("postgres") ? postgres() : embedded();
        new ResourceDatabasePopulator(new ClassPathResource("db/command-side/V13__browser_sessions.sql"))
                .execute(sessionsTables);
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(sessionsTables),
                new TransactionTemplate(new DataSourceTransactionManager(sessionsTables)));
        new BrowserSessions().attributesAddedTwiceWrittenOver(new StaticListableBeanFactory(Map.of("database",
                sessionsTables)).getBeanProvider(DataSource.class)).customize(sessions);
        String saved = savedByBoth(sessions);

        assertThat(saved).isEqualTo("Réception déjà enregistrée.");
    }

    /** The attribute as the session holds it once both requests are saved. */
    private static <S extends Session> String savedByBoth(SessionRepository<S> sessions) {
        S signedIn = sessions.createSession();
        sessions.save(signedIn);
        // both requests read the session before either saves it
        S first = sessions.findById(signedIn.getId());
        S second = sessions.findById(signedIn.getId());
        first.setAttribute("FLASH_MAPS", "Réception enregistrée.");
        second.setAttribute("FLASH_MAPS", "Réception déjà enregistrée.");
        sessions.save(first);
        sessions.save(second);
        return sessions.findById(signedIn.getId()).getAttribute("FLASH_MAPS");
    }

    private static DataSource postgres() {
        return new DriverManagerDataSource(PostgresTestDatabase.emptyDatabase("ordinateurs_browser_sessions_it"),
                PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    /** As the embedded default opens its file (application.yml), in memory, kept while the test runs. */
    private static DataSource embedded() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:browser-sessions;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        return h2;
    }
}
