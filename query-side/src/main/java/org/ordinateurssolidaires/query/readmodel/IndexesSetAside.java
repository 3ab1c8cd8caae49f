package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.ordinateurssolidaires.store.OnPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

import javax.sql.DataSource;
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
 * A read model's indexes are set aside together, in one transaction that notes each with its definition: all of
 * them, or none if a table's lock is not had in time. Should the query side stop before it puts them back (killed,
 * the database out of reach), this class, as a Flyway callback, puts them back before the migrations of the next
 * start, so that no migration meets a table without them. Meanwhile, every query side puts back, once a minute, those
 * of read models no pass holds: a put-back that failed as the pass ended (the database out of reach), or a pass on a
 * query side that was killed, whose read model another's processor has taken. PostgreSQL only: the embedded database
 * keeps its indexes.
 */
@Component
public class IndexesSetAside implements Callback {

    private static final Logger log = LoggerFactory.getLogger(IndexesSetAside.class);
    /** Waited for a table's lock before its indexes are left in place: readers may hold it, and queue behind. */
    private static final String LOCK_WAITED = "2s";
    private static final String NOTED = "select index_name from read_model_index_set_aside";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ApplicationContext application;
    private final OnPostgres onPostgres;

    /** Not Spring's JdbcTemplate bean: that one waits for the migrations, which call this class first. */
    IndexesSetAside(DataSource dataSource, ApplicationContext application) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.onPostgres = new OnPostgres(jdbc);
        this.application = application;
    }

    /**
     * Drops the indexes of the read model's tables that refuse nothing, each noted first, in the caller's
     * transaction. Waits at most {@value #LOCK_WAITED} for each table, and fails then: the caller goes on with them.
     */
    public void setAside(String readModel) {
        if (!onPostgres.isTrue()) {
            return;
        }
        Assert.state(TransactionSynchronizationManager.isActualTransactionActive(), "needs the caller's transaction");
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
        if (onPostgres.isTrue()) {
            Assert.state(TransactionSynchronizationManager.isActualTransactionActive(),
                    "needs the caller's transaction");
            build(jdbc.queryForList(NOTED + " where read_model = ?", String.class, readModel));
        }
    }

    /**
     * Those of read models whose segments no pass holds (it claims them all before it sets any aside, and releases
     * them only once they are back), in a transaction of its own.
     */
    @Scheduled(fixedDelayString = "${ordinateurs.read-models.indexes-swept-every:60s}")
    void putBackWhatNoPassHolds() {
        try {
            if (onPostgres.isTrue()) {
                inATransactionOfItsOwn(() -> build(jdbc.queryForList(NOTED + " a where not exists"
                        + " (select 1 from tokenentry t where t.processorname = a.read_model and t.owner like ?)",
                        String.class, "%" + OnePassRebuild.OWNER_MARK + "%")));
            }
        } catch (RuntimeException failure) {
            log.error("The indexes a rebuild set aside could not be put back; tried again in a minute", failure);
        }
    }

    /**
     * Builds the indexes again. Each note is taken (deleted) before its index is built: another query side putting
     * back the same one (the sweep, its start, its pass ending) waits for this transaction, then finds it taken.
     */
    private void build(List<String> setAside) {
        jdbc.execute("set local statement_timeout = 0"); // an index over a large table takes what it takes
        for (String index : setAside) {
            List<String> taken = jdbc.queryForList("delete from read_model_index_set_aside where index_name = ?"
                    + " returning definition", String.class, index);
            for (String definition : taken) {
                Assert.state(definition.startsWith("CREATE INDEX "), () -> "not an index's definition: " + definition);
                jdbc.execute(definition.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
                log.info("Index {} put back", index);
            }
        }
    }

    private void inATransactionOfItsOwn(Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(
                started -> work.run());
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

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    /**
     * Before the migrations: whatever a pass that ended without putting them back set aside. A failure is logged, not
     * thrown: the query side then starts with those read models slower to search, rather than not at all.
     */
    @Override
    public void handle(Event event, Context context) {
        try {
            if (onPostgres.isTrue()) { // in a transaction of its own, as a pass's: Flyway's may not be one
                inATransactionOfItsOwn(() -> {
                    if (jdbc.queryForObject("select to_regclass('read_model_index_set_aside') is not null",
                            Boolean.class)) {
                        build(jdbc.queryForList(NOTED, String.class));
                    }
                });
            }
        } catch (RuntimeException failure) {
            log.error("The indexes a rebuild set aside could not be put back; the next start tries again", failure);
        }
    }

    @Override
    public String getCallbackName() {
        return "put back the indexes a rebuild set aside";
    }
}
