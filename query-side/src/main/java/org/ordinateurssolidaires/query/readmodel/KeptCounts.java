package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Counts a read model keeps in a table of its own, a row per key while its count is not zero, so that a figure is
 * read from a few rows instead of counted over every device at each request.
 * <p>
 * A batch's changes are summed in memory and written as its transaction commits, each row once, table by table in
 * the tables' names' order and each in its keys' order: two segments' batches then wait on one another rather than
 * deadlock, and an increment never reads a count another transaction is changing. A rolled-back batch takes its
 * changes with it. Outside a batch (a test's direct call) a change is written at once.
 * <p>
 * The SQL serves PostgreSQL and the embedded H2 alike (H2 has {@code on conflict do nothing}, not {@code do update}).
 * A row is incremented, or inserted when there is none; when two batches create one row at once, the second's
 * insert waits for the first's commit and then does nothing, and its increment follows. (The second batch used to
 * break the key and be rolled back, which held its segment back for seconds under load: docs/benchmarks.md.) As a
 * row goes when its count is back to zero, the table holds the same rows however the events were batched: a live
 * read model and its rebuild compare equal.
 *
 * @param <K> a row's key
 */
public final class KeptCounts<K> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final Comparator<K> order;
    private final Function<K, List<Object>> keyValues;
    private final String increment;
    private final String insert;
    private final String deleteEmpty;

    /**
     * @param keyColumns the columns of the table's primary key, in the order {@code keyValues} gives them
     * @param keyValues  a key's values for those columns, as JDBC takes them
     */
    public KeptCounts(JdbcTemplate jdbc, String table, List<String> keyColumns, String countColumn,
                      Comparator<K> order, Function<K, List<Object>> keyValues) {
        this.jdbc = jdbc;
        this.table = table;
        this.order = order;
        this.keyValues = keyValues;
        String byKey = keyColumns.stream().map(column -> column + " = ?").collect(Collectors.joining(" and "));
        increment = "update " + table + " set " + countColumn + " = " + countColumn + " + ? where " + byKey;
        insert = "insert into " + table + " (" + String.join(", ", keyColumns) + ", " + countColumn + ") values ("
                + String.join(", ", Collections.nCopies(keyColumns.size() + 1, "?")) + ") on conflict do nothing";
        deleteEmpty = "delete from " + table + " where " + byKey + " and " + countColumn + " = 0";
    }

    /** The count of this key goes up (or down, for a negative change) by {@code change}. */
    public void add(K key, long change) {
        boolean inABatch = CurrentUnitOfWork.isStarted();
        Map<K, Long> changes = inABatch ? changesOfThisBatch() : new TreeMap<>(order);
        changes.merge(key, change, Long::sum);
        if (!inABatch) {
            write(changes);
        }
    }

    /**
     * This table's changes in the batch, written at its commit with every other kept table's, in the tables' name
     * order whatever order the batch first touched them in: the rows of all of them are taken in one order.
     */
    private Map<K, Long> changesOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Map<String, Runnable> writes = batch.getOrComputeResource(KeptCounts.class.getName(), key -> {
            Map<String, Runnable> byTable = new TreeMap<>();
            batch.onPrepareCommit(committing -> byTable.values().forEach(Runnable::run));
            return byTable;
        });
        return batch.getOrComputeResource(KeptCounts.class.getName() + "." + table, key -> {
            Map<K, Long> changes = new TreeMap<>(order);
            writes.put(table, () -> write(changes));
            return changes;
        });
    }

    private void write(Map<K, Long> changes) {
        changes.forEach((key, change) -> {
            if (change == 0) {
                return;
            }
            List<Object> values = keyValues.apply(key);
            List<Object> incrementing = new ArrayList<>(values.size() + 1);
            incrementing.add(change);
            incrementing.addAll(values);
            List<Object> inserted = new ArrayList<>(values);
            inserted.add(change);
            // until one of them changes the row: an insert finding another batch's row just committed does nothing
            while (jdbc.update(increment, incrementing.toArray()) == 0) {
                if (jdbc.update(insert, inserted.toArray()) == 1) {
                    return;
                }
            }
            if (change < 0) {
                jdbc.update(deleteEmpty, values.toArray());
            }
        });
    }

    /** A replay starts from nothing counted. */
    public void reset() {
        jdbc.update("delete from " + table);
    }
}
