package org.ordinateurssolidaires.query.readmodel;

import org.ordinateurssolidaires.events.device.MediumSerials;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Migration 31: the serials' readings V30 asks for (a device's in the inventory, a medium's in the erasure register)
 * filled from the serials an installation already has, by the code that keeps them afterwards ({@link MediumSerials}:
 * NFKC has no SQL on the embedded H2). Only the rows whose reading changes (the register's keys of serials without
 * separators stay as they were), in batches. Public for the tests' schema (QuerySideSchema), which makes the tables
 * as the query side does.
 */
@Component
public class SerialsAsScannedFill extends FillMigration {

    /** A table's serials and where their readings go. */
    private record Readings(String table, String key, String serial, String reading) {

        String rows() {
            return "select " + key + ", " + serial + ", " + reading + " from " + table + " where " + serial
                    + " is not null";
        }

        String update() {
            return "update " + table + " set " + reading + " = ? where " + key + " = ?";
        }
    }

    private static final List<Readings> FILLED = List.of(
            new Readings("inventory_device", "device_id", "serial_number", "serial_scanned"),
            new Readings("erasure_record", "event_id", "medium_serial", "serial_key"));

    public SerialsAsScannedFill() {
        super("31", "serials as scanned");
    }

    @Override
    protected void fill(JdbcTemplate jdbc) {
        for (Readings readings : FILLED) {
            List<Object[]> batch = new ArrayList<>(ROWS_AT_ONCE);
            try (Stream<Object[]> rows = jdbc.queryForStream(readings.rows(), (row, n) -> {
                String reading = MediumSerials.asScanned(row.getString(2));
                return Objects.equals(reading, row.getString(3)) ? null : new Object[] {reading, row.getObject(1)};
            })) {
                rows.filter(Objects::nonNull).forEach(row -> {
                    batch.add(row);
                    if (batch.size() == ROWS_AT_ONCE) {
                        jdbc.batchUpdate(readings.update(), batch);
                        batch.clear();
                    }
                });
            }
            jdbc.batchUpdate(readings.update(), batch);
        }
    }
}
