package org.ordinateurssolidaires.web.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.time.Duration;

/**
 * Browser sessions, kept in the database and shared by both apps. Two requests of one session may add the same
 * attribute at once: a form sent twice by a double click, each answer keeping its flash message. Spring Session
 * inserts an added attribute, and the second insert failed on the attributes' key, so that a step recorded once
 * was answered as refused. Here the second writes over the first, as one request after the other would. And on
 * PostgreSQL a page read does not write its session again within a minute of the last write. A request reads its
 * session once ({@link SessionsReadOncePerRequest}).
 */
@AutoConfiguration
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
public class BrowserSessions {

    /** How stale a session's stored last access may be: far below its timeout (Spring Boot's default, 30 min). */
    private static final Duration LAST_ACCESS_WRITTEN_WITHIN = Duration.ofMinutes(1);

    /** The embedded default's (H2) own statement for an insert that writes over a row of the same key. */
    private static final String H2_CREATE_SESSION_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
            """;

    /**
     * PostgreSQL's update of a session at each request, written only where more than its last access changed, or
     * where that was {@link #LAST_ACCESS_WRITTEN_WITHIN} ago or more, or a tenth of the session's timeout if that is
     * shorter (its timeout is in seconds, a tenth of it in milliseconds reckoned as a bigint: a timeout of a year
     * overflows an int). Spring Session writes the session's row at every request (its last access, hence its
     * expiry): a new version of the row, its three indexes and the log, for each page read (docs/benchmarks.md, "A
     * session written once a minute"). So a session may end up to that much sooner than its timeout says; nothing in
     * the apps reads its last access. The parameters are Spring Session's own, in its order.
     */
    private static final String POSTGRES_UPDATE_SESSION = """
            WITH accessed (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name,
                           primary_id)
                AS (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT),
                            CAST(? AS VARCHAR(254)), CAST(? AS CHAR(36))))
            UPDATE %%TABLE_NAME%% AS stored
            SET SESSION_ID = accessed.session_id, LAST_ACCESS_TIME = accessed.last_access_time,
                MAX_INACTIVE_INTERVAL = accessed.max_inactive_interval, EXPIRY_TIME = accessed.expiry_time,
                PRINCIPAL_NAME = accessed.principal_name
            FROM accessed
            WHERE stored.PRIMARY_ID = accessed.primary_id
              AND (stored.SESSION_ID <> accessed.session_id
                   OR stored.MAX_INACTIVE_INTERVAL <> accessed.max_inactive_interval
                   OR stored.PRINCIPAL_NAME IS DISTINCT FROM accessed.principal_name
                   OR accessed.last_access_time - stored.LAST_ACCESS_TIME
                      >= LEAST(%d, CAST(stored.MAX_INACTIVE_INTERVAL AS BIGINT) * 100))
            """.formatted(LAST_ACCESS_WRITTEN_WITHIN.toMillis());

    /**
     * The statements of the database the sessions are kept in, asked which it is when the sessions' repository is
     * made, only where there is one.
     */
    @Bean
    public SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionStatements(
            ObjectProvider<DataSource> database) {
        return sessions -> {
            if (isH2(database.getObject())) {
                sessions.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE);
            } else {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
                sessions.setUpdateSessionQuery(POSTGRES_UPDATE_SESSION);
            }
        };
    }

    /** The sessions' repository, as Spring Session's filter and everything else sees it. */
    @Bean
    static BeanPostProcessor sessionsReadOncePerRequest() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof FindByIndexNameSessionRepository<?> sessions
                        ? new SessionsReadOncePerRequest<>(sessions) : bean;
            }
        };
    }

    /** Just before Spring Session's filter, for the same dispatches (Spring Boot's defaults). */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<SessionsReadOncePerRequest.RequestUnderWay> requestsUnderWay() {
        FilterRegistrationBean<SessionsReadOncePerRequest.RequestUnderWay> registration =
                new FilterRegistrationBean<>(new SessionsReadOncePerRequest.RequestUnderWay());
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    private static boolean isH2(DataSource database) {
        try {
            return "H2".equals(JdbcUtils.extractDatabaseMetaData(database, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException unreachable) {
            throw new IllegalStateException("the database cannot say which it is", unreachable);
        }
    }
}
