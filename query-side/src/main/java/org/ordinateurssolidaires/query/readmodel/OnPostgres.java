package org.ordinateurssolidaires.query.readmodel;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the read models' database is PostgreSQL, for the settings and statements only it has (the embedded
 * database goes without them): asked at the first need rather than at the start, when the database may be out of
 * reach, and remembered.
 */
final class OnPostgres {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    OnPostgres(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isTrue() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }
}
