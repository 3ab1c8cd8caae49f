package org.ordinateurssolidaires.store;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an app's database is PostgreSQL, for the settings and statements only it has (the embedded database goes
 * without them, or with another form): asked at the first need rather than at the start, when the database may be
 * out of reach, and remembered.
 */
public final class OnPostgres {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    public OnPostgres(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isTrue() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
        }
        return postgres;
    }
}
