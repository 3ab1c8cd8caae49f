package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * While a read model is rebuilt in one pass ({@link OnePassRebuild}), the indexes of its tables that refuse nothing
 * (neither a key's nor unique) are set aside, and put back once the pass hands the read model back: building an index
 * over the rows written is cheaper than keeping it up to date through every insert and update of a rebuild
 * (PostgreSQL's manual, "Populating a Database"; measured in docs/benchmarks.md). No rule of the read model changes:
 * those indexes never refuse a row, and the ones that may stay. Readers meanwhile see a read model being rebuilt,
 * slower to search.
 * <p>
 * Each index is noted with its definition in the transaction that drops it. Should the query side stop before it
 * puts them back (killed, the database out of reach), they are put back before the migrations of its next start,
 * so that no migration meets a table without them. PostgreSQL only: the embedded database keeps its indexes.
 */
@Component
public class IndexesSetAside implements Callback {

    private static final Logger log = LoggerFactory.getLogger(IndexesSetAside.class);
    /** Waited for a table's lock before its indexes are left in place: readers may hold it, and queue behind. */
    private static final String LOCK_WAITED = "2s";

    private final JdbcTemplate jdbc;
    private final ApplicationContext application;
    /** Whether the database is PostgreSQL: asked at the first rebuild, as it may be out of reach at the start. */
    private volatile Boolean postgres;

    /** Not Spring's JdbcTemplate bean: that one waits for the migrations, which call this class first. */
    IndexesSetAside(DataSource dataSource, ApplicationContext application) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.application = application;
    }

    /**
     * Drops the indexes of the read model's tables that refuse nothing, each noted first, in the caller's
     * transaction. Waits at most {@value #LOCK_WAITED} for each table, and fails then: the caller goes on with them.
     */
    public void setAside(String readModel) {
        if (!onPostgres()) {
            return;
        }
        jdbc.execute("set local lock_timeout = '" + LOCK_WAITED + "'");
        for (String table : tablesOf(readModel)) {
            for (Map<String, Object> index : jdbc.queryForList("""
                    select x.indexrelid::regclass::text as name, pg_get_indexdef(x.indexrelid) as definition
                      from pg_index x
                     where x.indrelid = to_regclass(?) and not x.indisunique and not x.indisprimary
                       and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)""", table)) {
                jdbc.update("insert into read_model_index_set_aside (index_name, read_model, definition)"
                        + " values (?, ?, ?)", index.get("name"), readModel, index.get("definition"));
                jdbc.execute("drop index " + index.get("name"));
            }
        }
    }

    /** Builds the read model's indexes set aside again, in the caller's transaction. */
    public void putBack(String readModel) {
        if (onPostgres()) {
            putBack(jdbc, readModel);
        }
    }

    /** Builds every index set aside and not put back again; {@code readModel}'s only, unless null. */
    private static void putBack(JdbcTemplate jdbc, String readModel) {
        String noted = "select index_name, definition from read_model_index_set_aside";
        List<Map<String, Object>> setAside = readModel == null ? jdbc.queryForList(noted)
                : jdbc.queryForList(noted + " where read_model = ?", readModel);
        for (Map<String, Object> index : setAside) {
            // another query side may have put it back already: at its start, while this one's pass ran
            jdbc.execute(((String) index.get("definition"))
                    .replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
            jdbc.update("delete from read_model_index_set_aside where index_name = ?", index.get("index_name"));
            log.info("Index {} put back", index.get("index_name"));
        }
    }

    /** The tables its projections name ({@link ReadModelTables}). */
    private List<String> tablesOf(String readModel) {
        return Arrays.stream(application.getBeanNamesForAnnotation(ReadModelTables.class))
                .filter(bean -> {
                    ProcessingGroup group = application.findAnnotationOnBean(bean, ProcessingGroup.class);
                    return group != null && readModel.equals(group.value());
                })
                .flatMap(bean -> Arrays.stream(application.findAnnotationOnBean(bean, ReadModelTables.class).value()))
                .toList();
    }

    private boolean onPostgres() {
        if (postgres == null) {
            postgres = jdbc.execute((ConnectionCallback<Boolean>) IndexesSetAside::isPostgres);
        }
        return postgres;
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    /** Before the migrations: whatever a pass that ended without putting them back set aside. */
    @Override
    public void handle(Event event, Context context) {
        JdbcTemplate migrating = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        if (migrating.execute((ConnectionCallback<Boolean>) IndexesSetAside::isPostgres)
                && migrating.queryForObject("select to_regclass('read_model_index_set_aside') is not null",
                Boolean.class)) {
            putBack(migrating, null);
        }
    }

    @Override
    public String getCallbackName() {
        return "put back the indexes a rebuild set aside";
    }
}
