package org.ordinateurssolidaires.query.inventory;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration 22 on the embedded database a workstation runs on (H2), with devices already there: its timestamps read
 * and its months written as H2 takes them. On PostgreSQL, {@code WorkshopFlowIT} compares it with a recount.
 */
class WorkshopFiguresFirstFillTest {

    @Test
    void fillsTheFiguresOfTheDevicesAnEmbeddedDatabaseHolds() throws Exception {
        // in the compatibility mode the product opens it in (application.yml)
        try (Connection connection = DriverManager.getConnection(
                "jdbc:h2:mem:first-fill;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")) {
            var jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.execute("create table inventory_device (device_id uuid primary key,"
                    + " received_at timestamp with time zone, sanitised_at timestamp with time zone,"
                    + " ready_at timestamp with time zone, handed_over_at timestamp with time zone)");
            jdbc.execute(new ClassPathResource("db/query-side/V21__workshop_flow.sql")
                    .getContentAsString(StandardCharsets.UTF_8));
            // received at 22:30 UTC on 31 March, 00:30 on 1 April in Paris; erased 35 h 30 later; the other not yet
            jdbc.update("insert into inventory_device values (random_uuid(), timestamp with time zone"
                    + " '2026-03-31 22:30:00+00', timestamp with time zone '2026-04-02 10:00:00+00', null, null)");
            jdbc.update("insert into inventory_device values (random_uuid(), timestamp with time zone"
                    + " '2026-05-10 08:00:00+00', null, null, null)");
            connection.setAutoCommit(false);

            new WorkshopFiguresFirstFill(ZoneId.of("Europe/Paris")).migrate(QuerySideSchema.on(connection));
            connection.commit();

            assertThat(jdbc.queryForList("select month_start || ' ' || milestone || ' ' || devices from workshop_month"
                    + " order by 1", String.class))
                    .containsExactly("2026-04-01 RECEIVED 1", "2026-04-01 SANITISED 1", "2026-05-01 RECEIVED 1");
            assertThat(jdbc.queryForList("select received_month || ' ' || milestone || ' ' || devices"
                    + " from workshop_cohort order by 1", String.class))
                    .containsExactly("2026-04-01 RECEIVED 1", "2026-04-01 SANITISED 1", "2026-05-01 RECEIVED 1");
            assertThat(jdbc.queryForList("select month_start || ' ' || from_milestone || ' ' || to_milestone || ' '"
                    + " || hours || ' ' || devices from workshop_lead_time", String.class))
                    .isEqualTo(List.of("2026-04-01 RECEIVED SANITISED 36 1"));
        }
    }
}
