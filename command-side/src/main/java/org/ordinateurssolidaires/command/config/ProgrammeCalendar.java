package org.ordinateurssolidaires.command.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Agreements and ceremonies are dated in days, steps of a device's life in instants: this says which day of
 * the programme an instant falls on (in Poitiers, by default). It is also the validation's clock: a day said past or
 * present ({@code @PastOrPresent LocalDate}: an agreement signed, a statement made) is so in the programme's day, not
 * the server's, which runs on UTC and is a day behind Poitiers after 23:00 (or 22:00 in summer).
 */
@Component
public class ProgrammeCalendar implements ValidationConfigurationCustomizer {

    private final ZoneId zone;

    ProgrammeCalendar(@Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void customize(jakarta.validation.Configuration<?> configuration) {
        configuration.clockProvider(() -> Clock.system(zone));
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    /** The first instant of the programme's {@code day}. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
