package org.ordinateurssolidaires.command;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store as Flyway made it on PostgreSQL: the failure modes of Axon's defaults are absent. */
class EventStoreSchemaIT extends CommandSideIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void payloadsAndMetadataAreByteaNotLargeObjects() {
        assertThat(jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_name in ('domainevententry', 'snapshotevententry')
                  and column_name in ('payload', 'metadata') and data_type = 'bytea'
                """, String.class))
                .containsExactlyInAnyOrder("domainevententry.payload", "domainevententry.metadata",
                        "snapshotevententry.payload", "snapshotevententry.metadata");
        assertThat(jdbc.queryForObject("select count(*) from information_schema.columns where data_type = 'oid'"
                + " and table_schema = 'public'", Long.class)).isZero();
    }

    @Test
    void theGlobalIndexIsHandedOutOneAtATime() {
        assertThat(jdbc.queryForMap("select increment_by, cache_size from pg_sequences"
                + " where sequencename = 'domainevententry_globalindex_seq'"))
                .containsEntry("increment_by", 1L)
                .containsEntry("cache_size", 1L);
    }

    @Test
    void flywayOwnsTheSchema() {
        assertThat(jdbc.queryForList("select version from flyway_command_side_history where success order by installed_rank",
                String.class)).contains("1", "2");
    }
}
