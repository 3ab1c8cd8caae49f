package org.ordinateurssolidaires.query.readmodel;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept counts on both databases the product runs on: rows created, incremented and gone at zero, and on PostgreSQL
 * two transactions creating the same row at once both counted, neither refused.
 */
class KeptCountsIT {

    @Test
    void twoTransactionsCreatingTheSameRowAtOnceAreBothCounted() throws Exception {
        JdbcTemplate jdbc = database(new DriverManagerDataSource(
                PostgresTestDatabase.emptyDatabase("kept_counts_it"), PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD));
        TransactionTemplate transactions = new TransactionTemplate(
                new DataSourceTransactionManager(jdbc.getDataSource()));
        KeptCounts<String> counts = counts(jdbc);
        CountDownLatch firstCreatedTheRow = new CountDownLatch(1);
        CountDownLatch secondIsWaiting = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            counts.add("LAPTOP", 1);
            firstCreatedTheRow.countDown();
            await(secondIsWaiting);
        }));
        await(firstCreatedTheRow);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(
                tx -> counts.add("LAPTOP", 2)));
        waitUntilBlocked(jdbc);
        secondIsWaiting.countDown();

        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(rows(jdbc)).containsExactly(Map.entry("LAPTOP", 3L));
    }

    @Test
    void onTheEmbeddedDatabaseRowsAreCreatedCountedAndGoneAtZero() {
        JdbcTemplate jdbc = database(new DriverManagerDataSource(
                "jdbc:h2:mem:kept_counts;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""));
        KeptCounts<String> counts = counts(jdbc);

        counts.add("LAPTOP", 2);
        counts.add("DESKTOP", 1);
        counts.add("LAPTOP", 1);
        assertThat(rows(jdbc)).containsExactly(Map.entry("DESKTOP", 1L), Map.entry("LAPTOP", 3L));

        counts.add("DESKTOP", -1);
        assertThat(rows(jdbc)).containsExactly(Map.entry("LAPTOP", 3L));
    }

    private static JdbcTemplate database(DriverManagerDataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists kept_count");
        jdbc.execute("create table kept_count (category varchar(16) primary key, devices bigint not null)");
        return jdbc;
    }

    private static KeptCounts<String> counts(JdbcTemplate jdbc) {
        return new KeptCounts<String>(jdbc, "kept_count", List.of("category"), "devices", Comparator.naturalOrder(),
                category -> List.of(category));
    }

    private static Map<String, Long> rows(JdbcTemplate jdbc) {
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.query("select category, devices from kept_count order by category",
                row -> { rows.put(row.getString(1), row.getLong(2)); });
        return rows;
    }

    /** Until a session of this database waits for a lock: the second transaction on the first's new row. */
    private static void waitUntilBlocked(JdbcTemplate jdbc) throws InterruptedException {
        for (int tries = 0; tries < 300; tries++) {
            if (jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and wait_event_type = 'Lock'", Integer.class) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second transaction never waited for the first");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
