package org.ordinateurssolidaires.query.web;

import org.ordinateurssolidaires.web.PlausibleTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A filter on time (the erasure register's {@code from} and {@code to}) takes an instant, as an API client sends it,
 * or a day, as a person types it: a day means its start in the programme's time zone. {@code from=2026-03-02&to=
 * 2026-03-03} is the whole of 2 March in Poitiers, whatever the season. The programme's first day, 1 January 2000,
 * starts an hour before its first instant in Paris: a day within the programme's time is held to that time, so that
 * the day is taken wherever its start falls (nothing was recorded before it); a day outside it is refused as its
 * moments are (2100-01-01 starts in Paris an hour before the last instant). 24:00 and leap seconds are refused.
 */
@Component
class DaysOrInstants implements WebMvcConfigurer, Formatter<Instant> {

    /** How a refusal says what a filter on time takes. */
    static final String EXPECTED = "must be an instant, as 2026-03-02T09:00:00Z, or a day, as 2026-03-02";

    private final ZoneId zone;

    DaysOrInstants(@Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, this);
    }

    @Override
    public Instant parse(String text, Locale locale) {
        try {
            return PlausibleTime.instant(text);
        } catch (DateTimeParseException notAnInstant) {
            LocalDate day = LocalDate.parse(text);
            if (!PlausibleTime.contains(day)) { // taken as it is, outside the programme's time: refused as such
                return day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant start = day.atStartOfDay(zone).toInstant();
            return start.isBefore(PlausibleTime.EARLIEST) ? PlausibleTime.EARLIEST : start;
        }
    }

    @Override
    public String print(Instant instant, Locale locale) {
        return instant.toString();
    }
}
