package org.ordinateurssolidaires.query.readmodel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ordinateurssolidaires.query.readmodel.ReadModelChanges.Version;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A read model's version, on both databases the product runs on, over the token and dead-letter tables as the
 * migrations make them: it moves with a token of its processor and with the number of its parked events, and with
 * nothing another processor does.
 */
class ReadModelChangesIT {

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "embedded"})
    void movesWithItsProcessorsTokensAndParkedEventsOnly(String database) throws Exception {
        JdbcTemplate jdbc = tables(database);
        ReadModelChanges changes = new ReadModelChanges(jdbc);
        jdbc.update("insert into tokenEntry (processorName, segment, token) values ('inventory', 0, ?), "
                + "('inventory', 1, ?), ('referrals', 0, ?), ('donors', 0, ?)",
                new byte[]{1}, new byte[]{2}, new byte[]{3}, new byte[]{4});
        Version first = changes.of("inventory", "referrals");
        assertThat(changes.of("inventory", "referrals")).isEqualTo(first);

        jdbc.update("update tokenEntry set token = ?, owner = 'another', timestamp = 'later'"
                + " where processorName = 'donors'", new Object[]{new byte[]{5}});
        jdbc.update("update tokenEntry set owner = 'another', timestamp = 'later' where processorName = 'inventory'");
        assertThat(changes.of("inventory", "referrals")).as("claims and other processors").isEqualTo(first);

        jdbc.update("update tokenEntry set token = ? where processorName = 'inventory' and segment = 1",
                new Object[]{new byte[]{2, 0}});
        Version moved = changes.of("inventory", "referrals");
        assertThat(moved).isNotEqualTo(first);

        park(jdbc, "referrals", "letter-1");
        park(jdbc, "referrals", "letter-2");
        Version parked = changes.of("inventory", "referrals");
        assertThat(parked).isNotEqualTo(moved);
        park(jdbc, "donors", "letter-3");
        assertThat(changes.of("inventory", "referrals")).isEqualTo(parked);

        jdbc.update("delete from deadLetterEntry where deadLetterIdentifier = 'letter-1'"); // retried, applied
        Version oneRetried = changes.of("inventory", "referrals");
        assertThat(oneRetried).isNotEqualTo(parked).isNotEqualTo(moved);
        jdbc.update("delete from deadLetterEntry where deadLetterIdentifier = 'letter-2'");
        assertThat(changes.of("inventory", "referrals")).isNotEqualTo(oneRetried).isEqualTo(moved);
        assertThatThrownBy(changes::of).isInstanceOf(IllegalArgumentException.class);
    }

    private static void park(JdbcTemplate jdbc, String processingGroup, String letter) {
        jdbc.update("insert into deadLetterEntry (deadLetterIdentifier, processingGroup, sequenceIdentifier, "
                + "sequenceIndex, messageType, eventIdentifier, timestamp, payloadType, payload, enqueuedAt) "
                + "values (?, ?, 'device', ?, 'event', ?, 'now', 'DeviceReceived', ?, 'now')",
                letter, processingGroup, letter.hashCode(), letter, new byte[]{0});
    }

    /** The tables as the query side's migrations make them, empty. */
    private static JdbcTemplate tables(String database) throws Exception {
        DriverManagerDataSource source = database.equals("postgres")
                ? new DriverManagerDataSource(PostgresTestDatabase.emptyDatabase("read_model_changes_it"),
                        PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD)
                : new DriverManagerDataSource("jdbc:h2:mem:read_model_changes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DB_CLOSE_DELAY=-1", "sa", "");
        JdbcTemplate jdbc = new JdbcTemplate(source);
        jdbc.execute("drop table if exists tokenEntry");
        jdbc.execute("drop table if exists deadLetterEntry");
        try (Connection connection = source.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/query-side/V1__token_store.sql"));
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("db/query-side/V12__dead_letters.sql"));
        }
        return jdbc;
    }
}
