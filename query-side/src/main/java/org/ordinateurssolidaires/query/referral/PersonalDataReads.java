package org.ordinateurssolidaires.query.referral;

import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every read of a referral's personal data, recorded before the data is answered (no record, no data): who read
 * it, in which role, and when. The record outlives the person's data and any rebuild of the read models; it names
 * the reader and the referral, never the household.
 */
@Component
class PersonalDataReads {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    PersonalDataReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record PersonalDataRead(Instant readAt, String reader, String readerRole) {
    }

    void record(UUID referralId, Caller reader) {
        jdbc.update("insert into personal_data_read (referral_id, read_at, reader, reader_role) values (?, ?, ?, ?)",
                referralId, Timestamp.from(clock.instant()), reader.username(), reader.actingRole().code());
    }

    /** Oldest first. */
    List<PersonalDataRead> of(UUID referralId) {
        return jdbc.query("select read_at, reader, reader_role from personal_data_read where referral_id = ?"
                          + " order by read_at, read_id",
                (row, index) -> new PersonalDataRead(row.getTimestamp("read_at").toInstant(), row.getString("reader"),
                        row.getString("reader_role")), referralId);
    }
}
