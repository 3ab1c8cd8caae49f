package org.ordinateurssolidaires.command.donor;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.config.ProgrammeCalendar;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.AgreementTerminated;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.store.OnPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which donors exist and have an agreement in force on which days: the set-based check a device reception needs,
 * in small tables kept in the same transaction as the donor's events; and each device received, with its day and its
 * delivery.
 */
@Component
@ProcessingGroup("donor-agreements")
public class DonorAgreements {

    private final JdbcTemplate jdbc;
    private final ProgrammeCalendar calendar;
    private final OnPostgres onPostgres;

    DonorAgreements(JdbcTemplate jdbc, ProgrammeCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.onPostgres = new OnPostgres(jdbc);
    }

    /** Where a donor stands, for receiving its devices on a given day. */
    public enum Standing { UNKNOWN_DONOR, NO_AGREEMENT_IN_FORCE, AGREEMENT_IN_FORCE }

    /** Whether the donor is registered and has an agreement in force on the programme's day of {@code moment}. */
    public Standing standingOn(DonorId donor, Instant moment) {
        LocalDate day = calendar.dayOf(moment);
        // one row per agreement, or one without an agreement for a donor registered with none, or no row at all
        List<Optional<AgreementValidity>> agreements = jdbc.query("""
                select a.valid_from, a.valid_until, a.terminated_on
                from registered_donor r left join donor_agreement a on a.donor_id = r.donor_id
                where r.donor_id = ?""", (row, n) -> row.getDate(1) == null ? Optional.empty()
                : Optional.of(validity(row, 1)), donor.value());
        if (agreements.isEmpty()) {
            return Standing.UNKNOWN_DONOR;
        }
        return agreements.stream().flatMap(Optional::stream).anyMatch(agreement -> agreement.inForceOn(day))
                ? Standing.AGREEMENT_IN_FORCE : Standing.NO_AGREEMENT_IN_FORCE;
    }

    /**
     * Refuses a reception from a donor unknown (404) or without an agreement in force that day (409). The donor's
     * row stays locked until the reception commits, and its agreements are read once the lock is held: a termination
     * at the same moment ({@link #receivedUnderItAlone}) waits for the reception and counts it, or the reception
     * waits for the termination and reads it.
     */
    public void requireInForce(DonorId donor, Instant receivedAt) {
        holdForReception(donor);
        switch (standingOn(donor, receivedAt)) {
            case UNKNOWN_DONOR -> throw new UnknownEntity(UnknownEntity.Kind.DONOR, "no donor " + donor);
            case NO_AGREEMENT_IN_FORCE -> throw new RuleViolation(DonorRule.DONOR_AGREEMENT_IN_FORCE,
                    "donor " + donor + " has no agreement in force on the day of " + receivedAt);
            case AGREEMENT_IN_FORCE -> {
                // received under it
            }
        }
    }

    /**
     * Locks the donor's row until the reception commits, against a termination at the same moment: shared on
     * PostgreSQL, so that receptions from one donor go on side by side; exclusive on H2, the embedded default, which
     * has no shared lock.
     */
    void holdForReception(DonorId donor) {
        lock(donor, onPostgres.isTrue() ? "for share" : "for update");
    }

    private void lock(DonorId donor, String mode) {
        jdbc.queryForList("select 1 from registered_donor where donor_id = ? " + mode, Integer.class, donor.value());
    }

    /** The donors among {@code donors} that were never registered. */
    public List<DonorId> unregistered(Collection<DonorId> donors) {
        return donors.stream().filter(donor -> !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from registered_donor where donor_id = ?)", Boolean.class, donor.value())))
                     .toList();
    }

    /** Refuses donors that were never registered (404, naming them). */
    public void requireRegistered(Collection<DonorId> donors) {
        List<DonorId> unknown = unregistered(donors);
        if (!unknown.isEmpty()) {
            throw new UnknownEntity(UnknownEntity.Kind.DONOR, "no donor " + unknown.stream().map(DonorId::toString)
                    .collect(Collectors.joining(", ")));
        }
    }

    /** A device received from a donor, and the programme's day it was received on. */
    public record Reception(UUID deviceId, LocalDate receivedOn) {
    }

    /**
     * The devices received from {@code donor} after {@code lastDay} on days when its agreement {@code ending} was the
     * only one in force: terminated on {@code lastDay}, it would leave them given under no agreement.
     */
    public List<Reception> receivedUnderItAlone(DonorId donor, AgreementId ending, LocalDate lastDay) {
        lock(donor, "for update"); // until the termination commits: a reception at the same moment waits, then finds it
        Map<UUID, AgreementValidity> agreements = new HashMap<>();
        jdbc.query("select agreement_id, valid_from, valid_until, terminated_on"
                   + " from donor_agreement where donor_id = ?",
                (RowCallbackHandler) row -> agreements.put(row.getObject(1, UUID.class), validity(row, 2)),
                donor.value());
        List<Reception> after = jdbc.query("select device_id, received_at from donor_reception"
                        + " where donor_id = ? and received_at >= ? order by received_at",
                (row, n) -> new Reception(row.getObject(1, UUID.class),
                        calendar.dayOf(row.getTimestamp(2).toInstant())),
                donor.value(), Timestamp.from(calendar.startOf(lastDay.plusDays(1))));
        return after.stream().filter(reception -> {
            List<UUID> inForce = agreements.entrySet().stream()
                    .filter(agreement -> agreement.getValue().inForceOn(reception.receivedOn())).map(Map.Entry::getKey)
                    .toList();
            return inForce.equals(List.of(ending.value()));
        }).toList();
    }

    /** How many devices are recorded in the donor's delivery, received in it or moved into it by a correction. */
    public int devicesIn(DonationBatchId delivery) {
        Integer devices = jdbc.queryForObject("select count(*) from donor_reception where batch_id = ?",
                Integer.class, delivery.value());
        return devices == null ? 0 : devices;
    }

    @EventHandler
    void on(DeviceReceived event) {
        jdbc.update("insert into donor_reception (device_id, donor_id, received_at, batch_id) values (?, ?, ?, ?)",
                event.deviceId().value(), event.donorId().value(), Timestamp.from(event.receivedAt()),
                DonationBatchId.of(event.donorId(), event.donationBatchReference()).value());
    }

    @EventHandler
    void on(DeviceDetailsCorrected event) {
        if (event.donationBatchReference() != null) {
            jdbc.queryForList("select donor_id from donor_reception where device_id = ?", UUID.class,
                    event.deviceId().value()).forEach(donor -> jdbc.update(
                    "update donor_reception set batch_id = ? where device_id = ?",
                    DonationBatchId.of(new DonorId(donor), event.donationBatchReference()).value(),
                    event.deviceId().value()));
        }
    }

    @EventHandler
    void on(DonorRegistered event) {
        jdbc.update("insert into registered_donor (donor_id) values (?)", event.donorId().value());
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

    /** An agreement's days, from its columns valid_from, valid_until and terminated_on, from {@code first} on. */
    private static AgreementValidity validity(ResultSet row, int first) throws SQLException {
        return new AgreementValidity(day(row.getDate(first)), day(row.getDate(first + 1)),
                day(row.getDate(first + 2)));
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
