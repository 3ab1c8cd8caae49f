package org.ordinateurssolidaires.query.inventory;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.query.readmodel.KeptCounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many devices are in each state, by category ({@code inventory_count}), kept as the devices change: the
 * dashboard's figures and the inventory's totals are read from a few rows instead of counted over every device
 * at each request, which at a hundred thousand devices took 38 ms a call (docs/benchmarks.md).
 */
@Component
class InventoryCounts {

    /** A row of the table: devices of one category in one state. */
    record Cell(DeviceState state, DeviceCategory category) {
        private static final Comparator<Cell> ORDER = Comparator.comparing(Cell::state).thenComparing(Cell::category);
    }

    private final JdbcTemplate jdbc;
    private final KeptCounts<Cell> cells;

    InventoryCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.cells = new KeptCounts<>(jdbc, "inventory_count", List.of("state", "category"), "devices", Cell.ORDER,
                cell -> List.of(cell.state().name(), cell.category().name()));
    }

    /** A device left one cell for another; {@code from} is null for a device just received. */
    void moved(Cell from, Cell to) {
        if (to.equals(from)) {
            return;
        }
        if (from != null) {
            cells.add(from, -1);
        }
        cells.add(to, 1);
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
        cells.reset();
    }
}
