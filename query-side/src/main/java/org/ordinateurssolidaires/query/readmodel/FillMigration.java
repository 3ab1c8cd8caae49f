package org.ordinateurssolidaires.query.readmodel;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A migration of the query side in Java, among the SQL ones of db/query-side: a read model's new columns or tables
 * filled from the rows an installation already has, by the very code that keeps them afterwards (a bean, for what it
 * needs of the configuration; the app registers each one). No checksum: its code may be mended. Run in the
 * migration's own transaction, on its connection: a failed fill leaves nothing behind.
 */
public abstract class FillMigration implements JavaMigration {

    /** Rows read at once, and written at once by a fill that writes in batches. */
    protected static final int ROWS_AT_ONCE = 1_000;

    private final MigrationVersion version;
    private final String description;

    protected FillMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    /** Fills the read model from the rows there, on the migration's connection, read a thousand at a time. */
    protected abstract void fill(JdbcTemplate jdbc);

    @Override
    public final void migrate(Context context) {
        var jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.setFetchSize(ROWS_AT_ONCE);
        fill(jdbc);
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }
}
