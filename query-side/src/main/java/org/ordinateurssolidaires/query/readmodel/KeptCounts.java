package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
 * <p>
 * A rebuild aggregate by aggregate applies its batches in one transaction: it sums all their changes
 * ({@link Summed}) and writes them once, at its end. (Written batch by batch, each row was updated again in every
 * batch, and PostgreSQL walks all the versions one transaction leaves of a row to find its last: the inventory's
 * rebuild in batches of 2,000 events took 57.6 s, against 32.5 s in batches of 20,000 and 18.7 s summed, in
 * docs/benchmarks.md.)
 *
 * @param <K> a row's key: equal keys as {@code equals} and {@code hashCode} say (a record's), and its order
 *            telling any two unequal ones apart
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
        Map<K, Long> changes = inABatch ? changesOfThisBatch() : new HashMap<>();
        changes.merge(key, change, Long::sum);
        if (!inABatch) {
            write(changes);
        }
    }

    /**
     * This table's changes in the batch, written at its commit with every other kept table's, in the tables' name
     * order whatever order the batch first touched them in: the rows of all of them are taken in one order. In a batch
     * whose changes are {@linkplain #summedIn summed} over several, they go to that sum instead, written with it.
     */
    @SuppressWarnings("unchecked")
    private Map<K, Long> changesOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Summed summed = batch.getResource(Summed.class.getName());
        Summed changes = summed != null ? summed : batch.getOrComputeResource(Summed.class.getName() + ".batch",
                key -> {
                    Summed ofTheBatch = new Summed();
                    batch.onPrepareCommit(committing -> ofTheBatch.write());
                    return ofTheBatch;
                });
        return (Map<K, Long>) changes.byTable.computeIfAbsent(table, name -> {
            // summed by hash, as each event adds to it, and put in order once, as it is written
            Map<K, Long> ofThisTable = new HashMap<>();
            changes.writes.put(table, () -> write(ofThisTable));
            return ofThisTable;
        });
    }

    /**
     * The changes of several batches, summed, written once by {@link #write()} ({@link #summedIn}): every kept table's
     * in the tables' names' order.
     */
    public static final class Summed {

        private final Map<String, Map<?, Long>> byTable = new TreeMap<>();
        private final Map<String, Runnable> writes = new TreeMap<>();

        public void write() {
            writes.values().forEach(Runnable::run);
            writes.clear();
            byTable.clear();
        }
    }

    /** The batch's changes go to {@code summed}, and are written when it is. */
    public static void summedIn(UnitOfWork<?> batch, Summed summed) {
        batch.resources().put(Summed.class.getName(), summed);
    }

    private void write(Map<K, Long> changes) {
        Map<K, Long> inOrder = new TreeMap<>(order);
        inOrder.putAll(changes);
        inOrder.forEach((key, change) -> {
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
