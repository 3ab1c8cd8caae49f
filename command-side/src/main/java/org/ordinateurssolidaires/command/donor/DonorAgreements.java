package org.ordinateurssolidaires.command.donor;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.config.ProgrammeCalendar;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.AgreementTerminated;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Which donors have an agreement in force on which days: the set-based check a device reception needs, in a
 * small table kept in the same transaction as the donor's events.
 */
@Component
@ProcessingGroup("donor-agreements")
public class DonorAgreements {

    private final JdbcTemplate jdbc;
    private final ProgrammeCalendar calendar;

    DonorAgreements(JdbcTemplate jdbc, ProgrammeCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Whether the donor has an agreement in force on the programme's day of {@code moment}. */
    public boolean inForce(DonorId donor, Instant moment) {
        Date day = Date.valueOf(calendar.dayOf(moment));
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from donor_agreement
                               where donor_id = ? and valid_from <= ?
                                 and (valid_until is null or valid_until >= ?)
                                 and (terminated_on is null or terminated_on >= ?))""",
                Boolean.class, donor.value(), day, day, day));
    }

    @EventHandler
    void on(AgreementSigned event) {
        jdbc.update("insert into donor_agreement (agreement_id, donor_id, valid_from, valid_until) values (?, ?, ?, ?)",
                event.agreementId().value(), event.donorId().value(), date(event.validFrom()),
                date(event.validUntil()));
    }

    @EventHandler
    void on(AgreementTerminated event) {
        jdbc.update("update donor_agreement set terminated_on = ? where agreement_id = ?",
                date(event.terminatedOn()), event.agreementId().value());
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
