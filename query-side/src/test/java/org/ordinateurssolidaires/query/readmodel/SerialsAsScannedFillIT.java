package org.ordinateurssolidaires.query.readmodel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordinateurssolidaires.events.device.MediumSerials;
import org.ordinateurssolidaires.query.inventory.QuerySideSchema;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 31 on the serials an installation already has, on both databases the product runs on, past one batch
 * of rows (PostgreSQL reads them by a cursor the batches' updates run beside).
 */
class SerialsAsScannedFillIT {

    private static final int ROWS = 2_345;

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void fillsEachSerialsReadingAsTheReadModelsKeepIt(String database) throws Exception {
        String url = database.equals("h2")
                ? "jdbc:h2:mem:serials-as-scanned;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"
                : PostgresTestDatabase.emptyDatabase("serials_as_scanned_it");
        try (Connection connection = DriverManager.getConnection(url, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD)) {
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            // the columns V30 leaves: the serials as V2 and V11 made them, the readings not yet filled
            jdbc.execute("create table inventory_device (device_id uuid primary key, serial_number varchar(100),"
                    + " serial_scanned varchar(200))");
            jdbc.execute("create table erasure_record (event_id varchar(255) primary key, medium_serial varchar(200),"
                    + " serial_key varchar(200))");
            List<Object[]> devices = new ArrayList<>();
            List<Object[]> records = new ArrayList<>();
            for (int row = 0; row < ROWS; row++) {
                devices.add(new Object[] {UUID.randomUUID(), row % 10 == 0 ? null : "5cg-" + row + " a"});
                // as V11 keyed it: stripped, in capitals
                String serial = row % 7 == 0 ? "\ufb03".repeat(100) : " wd 1\u2010" + row;
                records.add(new Object[] {UUID.randomUUID().toString(), serial, serial.strip().toUpperCase()});
            }
            jdbc.batchUpdate("insert into inventory_device (device_id, serial_number) values (?, ?)", devices);
            jdbc.batchUpdate("insert into erasure_record (event_id, medium_serial, serial_key)"
                    + " values (?, ?, left(?, 200))", records);
            connection.setAutoCommit(false);

            new SerialsAsScannedFill().migrate(QuerySideSchema.on(connection));
            connection.commit();

            jdbc.query("select serial_number, serial_scanned from inventory_device", row -> {
                assertThat(row.getString(2)).as(row.getString(1))
                                            .isEqualTo(MediumSerials.asScanned(row.getString(1)));
            });
            jdbc.query("select medium_serial, serial_key from erasure_record", row -> {
                assertThat(row.getString(2)).as(row.getString(1)).isNotNull()
                                            .isEqualTo(MediumSerials.asScanned(row.getString(1)));
            });
            assertThat(jdbc.queryForObject("select count(*) from inventory_device where serial_scanned = '5CG1A'",
                    Long.class)).isOne();
            assertThat(jdbc.queryForObject("select count(*) from inventory_device where serial_scanned is null",
                    Long.class)).isEqualTo((ROWS + 9) / 10);
        }
    }
}
