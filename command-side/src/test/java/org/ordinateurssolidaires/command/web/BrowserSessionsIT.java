package org.ordinateurssolidaires.command.web;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
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
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two requests of one browser session that add the same attribute at once (a form sent twice by a double click,
 * each answer keeping its flash message): both are saved, the second over the first, on PostgreSQL and on the
 * embedded default alike. Without {@link BrowserSessions}, Spring Session inserts the attribute twice and the second
 * request fails on the attributes' key; and on PostgreSQL it writes the session's row at every request.
 */
class BrowserSessionsIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "embedded"})
    void anAttributeAddedByTwoRequestsAtOnceIsSavedByBoth(String database) {
        String saved = savedByBoth(sessionsIn(database.equals("postgres")
                ? postgres("ordinateurs_browser_sessions_it") : embedded("browser-sessions")));

        assertThat(saved).isEqualTo("Réception déjà enregistrée.");
    }

    /**
     * A session ended while a request of it is under way (signed out in another tab, its account changed by an admin):
     * the request's save, with the flash message it added, stays ended and fails nothing: Spring Session takes the
     * foreign key's refusal of the attribute (PostgreSQL logs it) as the session gone, with the statements above too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "embedded"})
    void aSessionEndedWhileARequestOfItIsUnderWayStaysEnded(String database) {
        DataSource sessionsTables = database.equals("postgres") ? postgres("ordinateurs_sessions_ended_it")
                : embedded("sessions-ended");
        JdbcTemplate rows = new JdbcTemplate(sessionsTables);
        endedWhileUnderWay(sessionsIn(sessionsTables), rows);

        assertThat(rows.queryForObject("select count(*) from spring_session", Integer.class)).isZero();
        assertThat(rows.queryForObject("select count(*) from spring_session_attributes", Integer.class)).isZero();
    }

    private static <S extends Session> void endedWhileUnderWay(SessionRepository<S> sessions, JdbcTemplate rows) {
        S signedIn = sessions.createSession();
        sessions.save(signedIn);
        S underWay = sessions.findById(signedIn.getId());

        rows.update("delete from spring_session where session_id = ?", signedIn.getId()); // as Accounts ends it
        underWay.setAttribute("FLASH_MAPS", "Réception enregistrée.");
        sessions.save(underWay);
    }

    /**
     * On PostgreSQL a page read within a minute of the last one written leaves the session's row as it is; a minute
     * later (a tenth of a shorter timeout), or with anything else changed (a new identifier as one signs in, the
     * principal, the timeout), it is written. The attributes are written whenever they change.
     */
    @Test
    void aSessionReadAgainWithinAMinuteIsNotWrittenAgainOnPostgres() {
        DataSource sessionsTables = postgres("ordinateurs_sessions_written_it");
        writtenOnlyWhenChangedOrAMinuteOn(sessionsIn(sessionsTables), new JdbcTemplate(sessionsTables));
    }

    /** Spring Session's repository on the apps' sessions tables, as both apps have it. */
    private static JdbcIndexedSessionRepository sessionsIn(DataSource database) {
        new ResourceDatabasePopulator(new ClassPathResource("db/command-side/V13__browser_sessions.sql"))
                .execute(database);
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(database),
                new TransactionTemplate(new DataSourceTransactionManager(database)));
        new BrowserSessions().sessionStatements(new StaticListableBeanFactory(Map.of("database", database))
                .getBeanProvider(DataSource.class)).customize(sessions);
        return sessions;
    }

    private static <S extends Session> void writtenOnlyWhenChangedOrAMinuteOn(SessionRepository<S> sessions,
                                                                            JdbcTemplate rows) {
        S opened = sessions.createSession();
        Instant first = opened.getLastAccessedTime();
        sessions.save(opened);

        S read = sessions.findById(opened.getId());
        read.setLastAccessedTime(first.plusSeconds(59));
        read.setAttribute("FLASH_MAPS", "Réception enregistrée.");
        sessions.save(read);
        assertThat(lastAccess(rows)).as("59 s later").isEqualTo(first.toEpochMilli());
        assertThat(sessions.findById(opened.getId()).<String>getAttribute("FLASH_MAPS"))
                .isEqualTo("Réception enregistrée.");

        read = sessions.findById(opened.getId());
        read.setLastAccessedTime(first.plusSeconds(60));
        sessions.save(read);
        assertThat(lastAccess(rows)).as("a minute later").isEqualTo(first.plusSeconds(60).toEpochMilli());
        assertThat(rows.queryForObject("select expiry_time from spring_session", Long.class))
                .isEqualTo(first.plusSeconds(60).plus(read.getMaxInactiveInterval()).toEpochMilli());

        read = sessions.findById(opened.getId());
        read.setLastAccessedTime(first.plusSeconds(61));
        read.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "dominique");
        String signedIn = read.changeSessionId();
        sessions.save(read);
        assertThat(rows.queryForObject("select session_id from spring_session", String.class)).isEqualTo(signedIn);
        assertThat(rows.queryForObject("select principal_name from spring_session", String.class))
                .isEqualTo("dominique");
        assertThat(lastAccess(rows)).isEqualTo(first.plusSeconds(61).toEpochMilli());

        read = sessions.findById(signedIn);
        read.setLastAccessedTime(first.plusSeconds(62));
        read.setMaxInactiveInterval(Duration.ofMinutes(5));
        sessions.save(read);
        assertThat(rows.queryForObject("select max_inactive_interval from spring_session", Integer.class))
                .isEqualTo(300);

        read = sessions.findById(signedIn);
        read.setLastAccessedTime(first.plusSeconds(62 + 30));
        sessions.save(read);
        assertThat(lastAccess(rows)).as("a tenth of a timeout shorter than ten minutes")
                .isEqualTo(first.plusSeconds(62 + 30).toEpochMilli());
        assertThat(sessions.findById(opened.getId())).as("the identifier before signing in").isNull();

        read = sessions.findById(signedIn);
        read.setMaxInactiveInterval(Duration.ofDays(365));
        sessions.save(read);
        read = sessions.findById(signedIn);
        read.setLastAccessedTime(first.plusSeconds(62 + 30 + 30));
        sessions.save(read);
        assertThat(lastAccess(rows)).as("a timeout of a year, its tenth beyond an int in milliseconds")
                .isEqualTo(first.plusSeconds(62 + 30).toEpochMilli());
    }

    private static long lastAccess(JdbcTemplate rows) {
        return rows.queryForObject("select last_access_time from spring_session", Long.class);
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

    private static DataSource postgres(String name) {
        return new DriverManagerDataSource(PostgresTestDatabase.emptyDatabase(name),
                PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    /** As the embedded default opens its file (application.yml), in memory, kept while the test runs. */
    private static DataSource embedded(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        return h2;
    }
}
