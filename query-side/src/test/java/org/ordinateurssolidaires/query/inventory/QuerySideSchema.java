package org.ordinateurssolidaires.query.inventory;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.ordinateurssolidaires.query.readmodel.SerialsAsScannedFill;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;

import java.sql.Connection;
import java.time.ZoneId;

/**
 * The query side's tables made in a test's database as the query side makes them at its start: its SQL migrations
 * and its Java ones, in one history. A database left without the Java ones is refused by a query side started on
 * it later (Flyway: "resolved migration not applied"), as the rebuild benchmark starts one on the audit benchmark's
 * store. In this package because migration 22 is package-private to it; the app registers every such bean, so a new
 * one is added here too. The zone is the one the app defaults to ({@code ordinateurs.time-zone}).
 */
public final class QuerySideSchema {

    private QuerySideSchema() {
    }

    /** Migrates the database at {@code url}, where the command side's tables may already be. */
    public static void migrate(String url) {
        Flyway.configure()
              .dataSource(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)
              .locations("classpath:db/query-side")
              .javaMigrations(new WorkshopFiguresFirstFill(ZoneId.of("Europe/Paris")), new SerialsAsScannedFill())
              .table("flyway_query_side_history")
              .baselineOnMigrate(true) // as the query side's own settings: the command side's tables are there
              .baselineVersion("0")
              .load()
              .migrate();
    }

    /** What a Java migration is given, on this connection: its test calls it as Flyway would. */
    public static Context on(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}
