package org.ordinateurssolidaires.command.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Agreements and ceremonies are dated in days, steps of a device's life in instants: this says which day of
 * the programme an instant falls on (in Poitiers, by default).
 */
@Component
public class ProgrammeCalendar {

    private final ZoneId zone;

    ProgrammeCalendar(@Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first instant of the programme's {@code day}. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
