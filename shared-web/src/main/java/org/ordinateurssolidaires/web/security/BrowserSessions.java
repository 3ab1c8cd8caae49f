package org.ordinateurssolidaires.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/**
 * Browser sessions, kept in the database and shared by both apps. Two requests of one session may add the same
 * attribute at once: a form sent twice by a double click, each answer keeping its flash message. Spring Session
 * inserts an added attribute, and the second insert failed on the attributes' key, so that a step recorded once
 * was answered as refused. Here the second writes over the first, as one request after the other would.
 */
@AutoConfiguration
@ConditionalOnClass(JdbcIndexedSessionRepository.class)
public class BrowserSessions {

    /** The embedded default's (H2) own statement for an insert that writes over a row of the same key. */
    private static final String H2_CREATE_SESSION_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)
            """;

    /** The database is asked which it is when the sessions' repository is made, only where there is one. */
    @Bean
    public SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributesAddedTwiceWrittenOver(
            ObjectProvider<DataSource> database) {
        return sessions -> {
            if (isH2(database.getObject())) {
                sessions.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE);
            } else {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
            }
        };
    }

    private static boolean isH2(DataSource database) {
        try {
            return "H2".equals(JdbcUtils.extractDatabaseMetaData(database, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException unreachable) {
            throw new IllegalStateException("the database cannot say which it is", unreachable);
        }
    }
}
