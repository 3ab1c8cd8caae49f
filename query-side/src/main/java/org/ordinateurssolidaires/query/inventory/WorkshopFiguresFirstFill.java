package org.ordinateurssolidaires.query.inventory;

import org.ordinateurssolidaires.query.inventory.WorkshopFigures.Milestones;
import org.ordinateurssolidaires.query.readmodel.FillMigration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

/**
 * Migration 22: the workshop's figures (V21's tables) filled from the devices an installation already has, so that
 * its dashboard is right from the first start. In Java rather than SQL because the months are cut in the programme's
 * time zone, which only the configuration knows, and by the very code that keeps them afterwards.
 */
@Component
class WorkshopFiguresFirstFill extends FillMigration {

    private final ZoneId zone;

    WorkshopFiguresFirstFill(@Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        super("22", "workshop figures first fill");
        this.zone = zone;
    }

    @Override
    protected void fill(JdbcTemplate jdbc) {
        try (Stream<Milestones> devices = jdbc.queryForStream("select received_at, sanitised_at, ready_at,"
                + " handed_over_at from inventory_device where received_at is not null", (row, n) -> new Milestones(
                instant(row, 1), instant(row, 2), instant(row, 3), instant(row, 4)))) {
            new WorkshopFigures(jdbc, zone).count(devices);
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
