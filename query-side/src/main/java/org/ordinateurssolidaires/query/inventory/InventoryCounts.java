package org.ordinateurssolidaires.query.inventory;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many devices are in each state, by category ({@code inventory_count}), kept as the devices change: the
 * dashboard's figures and the inventory's totals are read from a few rows instead of counted over every device
 * at each request, which at a hundred thousand devices took 38 ms a call (docs/benchmarks.md).
 * <p>
 * A batch's moves are summed in memory and written as its transaction commits, each row once, in the rows' order:
 * two segments' batches then wait on one another rather than deadlock, and an increment never reads a count
 * another transaction is changing. A rolled-back batch takes its moves with it.
 */
@Component
class InventoryCounts {

    private static final String MOVES = InventoryCounts.class.getName() + ".moves";

    /** A row of the table: devices of one category in one state. */
    record Cell(DeviceState state, DeviceCategory category) {
        private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::state).thenComparing(Cell::category);
    }

    private final JdbcTemplate jdbc;

    InventoryCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A device left one cell for another; {@code from} is null for a device just received. */
    void moved(Cell from, Cell to) {
        if (to.equals(from)) {
            return;
        }
        boolean inABatch = CurrentUnitOfWork.isStarted();
        Map<Cell, Long> moves = inABatch ? movesOfThisBatch() : new TreeMap<>(Cell.ORDER);
        if (from != null) {
            moves.merge(from, -1L, Long::sum);
        }
        moves.merge(to, 1L, Long::sum);
        if (!inABatch) {
            write(moves);
        }
    }

    private Map<Cell, Long> movesOfThisBatch() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(MOVES, key -> {
            Map<Cell, Long> moves = new TreeMap<>(Cell.ORDER);
            batch.onPrepareCommit(committing -> write(moves));
            return moves;
        });
    }

    /**
     * Plain SQL both PostgreSQL and the embedded H2 take (H2 has no {@code on conflict do update}). A cell's row
     * exists while devices are in it, so the table holds the same rows however the events were batched: a live
     * read model and its rebuild compare equal. Two batches creating one cell at once: the second's insert breaks
     * the key, and its batch is rolled back and applied again.
     */
    private void write(Map<Cell, Long> moves) {
        moves.forEach((cell, devices) -> {
            if (devices == 0) {
                return;
            }
            String state = cell.state().name();
            String category = cell.category().name();
            if (jdbc.update("update inventory_count set devices = devices + ? where state = ? and category = ?",
                    devices, state, category) == 0) {
                jdbc.update("insert into inventory_count (state, category, devices) values (?, ?, ?)", state,
                        category, devices);
            } else if (devices < 0) {
                jdbc.update("delete from inventory_count where state = ? and category = ? and devices = 0", state,
                        category);
            }
        });
    }

    /** Every cell's count; a cell with no device is absent. */
    Map<Cell, Long> all() {
        Map<Cell, Long> counts = new TreeMap<>(Cell.ORDER);
        jdbc.query("select state, category, devices from inventory_count where devices <> 0", row -> {
            counts.put(new Cell(DeviceState.valueOf(row.getString(1)), DeviceCategory.valueOf(row.getString(2))),
                    row.getLong(3));
        });
        return counts;
    }

    /** The devices in this state and category, either of them null for any. */
    long devices(DeviceState state, DeviceCategory category) {
        return all().entrySet().stream()
                    .filter(cell -> state == null || cell.getKey().state() == state)
                    .filter(cell -> category == null || cell.getKey().category() == category)
                    .mapToLong(Map.Entry::getValue).sum();
    }

    /** A replay starts from no device. */
    void reset() {
        jdbc.update("delete from inventory_count");
    }
}
