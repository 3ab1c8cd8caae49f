package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.config.ProgrammeCalendar;
import org.ordinateurssolidaires.command.rules.PlainWords;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * On which day each ceremony takes place, for the rule that a device is handed over at a ceremony only on that
 * ceremony's day, and how many devices, and which households, were handed over at it; which ceremony takes each day
 * and place. Kept in the same transaction as the events.
 */
@Component
@ProcessingGroup("ceremony-calendar")
public class CeremonyCalendar {

    private final JdbcTemplate jdbc;
    private final ProgrammeCalendar calendar;

    CeremonyCalendar(JdbcTemplate jdbc, ProgrammeCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Where a ceremony stands on a given day. */
    public enum Standing { UNKNOWN_CEREMONY, NOT_THAT_DAY, TAKES_PLACE_THAT_DAY }

    /**
     * Whether the ceremony exists, and is not cancelled and takes place on the programme's day of {@code moment}.
     * Its row stays locked until the hand-over commits: a cancellation at the same moment waits, then finds it.
     */
    public Standing standingOn(CeremonyId ceremony, Instant moment) {
        return jdbc.query("select ceremony_date = ? and not cancelled from ceremony_calendar where ceremony_id = ?"
                          + " for update",
                        (row, n) -> row.getBoolean(1) ? Standing.TAKES_PLACE_THAT_DAY : Standing.NOT_THAT_DAY,
                        Date.valueOf(calendar.dayOf(moment)), ceremony.value())
                   .stream().findFirst().orElse(Standing.UNKNOWN_CEREMONY);
    }

    /**
     * Refuses to cancel or move to another day a ceremony at which devices were handed over (409): they were handed
     * over at it, on its day. Its row stays locked until the change commits: a hand-over at the same moment waits,
     * then finds it cancelled or moved.
     */
    void requireNoHandOvers(CeremonyId ceremony) {
        jdbc.queryForList("select hand_overs from ceremony_calendar where ceremony_id = ? for update", Integer.class,
                        ceremony.value()).stream().filter(handOvers -> handOvers > 0).findFirst()
            .ifPresent(handOvers -> {
                throw new RuleViolation(CeremonyRule.HAND_OVERS_KEEP_THEIR_CEREMONY, handOvers
                        + " device(s) were handed over at ceremony " + ceremony + ", on its day");
            });
    }

    /**
     * Refuses (409) a day and place another ceremony, planned or held, takes: it would be the same one twice. Two
     * sent at once both pass here; the slot's key refuses the second when its event is recorded.
     */
    void requireFree(CeremonyId ceremony, LocalDate date, String place) {
        takenBeside(ceremony, date, PlainWords.key(place)).ifPresent(other -> {
            throw other;
        });
    }

    /** The refusal naming another ceremony on that day at that place (its key), as it was recorded, if any. */
    private Optional<RuleViolation> takenBeside(CeremonyId ceremony, LocalDate date, String key) {
        return jdbc.query("select ceremony_id, place from ceremony_slot where ceremony_date = ? and place_key = ?"
                          + " and ceremony_id <> ?", (row, n) -> new RuleViolation(
                        CeremonyRule.ONE_CEREMONY_PER_DAY_AND_PLACE, "ceremony " + row.getObject(1, UUID.class)
                        + " takes place on " + date + " at " + row.getString(2)),
                Date.valueOf(date), key, ceremony.value()).stream().findFirst();
    }

    /**
     * How many households (referrals) were handed devices at the ceremony. Its row stays locked until the record
     * commits: a hand-over at it under way (which holds the row, {@link #standingOn}) is counted.
     */
    int householdsHandedOverAt(CeremonyId ceremony) {
        jdbc.queryForList("select ceremony_id from ceremony_calendar where ceremony_id = ? for update", UUID.class,
                ceremony.value());
        return jdbc.queryForObject("select count(*) from ceremony_household where ceremony_id = ?", Integer.class,
                ceremony.value());
    }

    @EventHandler
    void on(DeviceHandedOver event) {
        if (event.ceremonyId() != null) {
            jdbc.update("update ceremony_calendar set hand_overs = hand_overs + 1 where ceremony_id = ?",
                    event.ceremonyId().value());
            if (event.referralId() != null) { // devices allocated before referrals were recorded have none
                jdbc.update("insert into ceremony_household (ceremony_id, referral_id) values (?, ?)"
                            + " on conflict do nothing", event.ceremonyId().value(), event.referralId().value());
            }
        }
    }

    @EventHandler
    void on(CeremonyScheduled event) {
        jdbc.update("insert into ceremony_calendar (ceremony_id, ceremony_date) values (?, ?)",
                event.ceremonyId().value(), Date.valueOf(event.date()));
        claimSlot(event.ceremonyId(), event.date(), event.place());
    }

    @EventHandler
    void on(CeremonyRescheduled event) {
        jdbc.update("update ceremony_calendar set ceremony_date = ? where ceremony_id = ?",
                Date.valueOf(event.date()), event.ceremonyId().value());
        freeSlot(event.ceremonyId());
        claimSlot(event.ceremonyId(), event.date(), event.place());
    }

    @EventHandler
    void on(CeremonyCancelled event) {
        jdbc.update("update ceremony_calendar set cancelled = true where ceremony_id = ?", event.ceremonyId().value());
        freeSlot(event.ceremonyId());
    }

    private void freeSlot(CeremonyId ceremony) {
        jdbc.update("delete from ceremony_slot where ceremony_id = ?", ceremony.value());
    }

    private void claimSlot(CeremonyId ceremony, LocalDate date, String place) {
        String key = PlainWords.key(place);
        int claimed = jdbc.update("insert into ceremony_slot (ceremony_date, place_key, place, ceremony_id)"
                                  + " values (?, ?, ?, ?) on conflict do nothing", Date.valueOf(date), key, place,
                ceremony.value());
        if (claimed == 0) { // another took it a moment ago: now committed, it is named
            throw takenBeside(ceremony, date, key).orElseGet(() -> new RuleViolation(
                    CeremonyRule.ONE_CEREMONY_PER_DAY_AND_PLACE,
                    "another ceremony took place on " + date + " at " + place + " a moment ago"));
        }
    }
}
