package org.ordinateurssolidaires.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;

/**
 * Times on the pages, in the programme's time zone and the reader's way ({@code 2 mars 2026 à 10:00} in French),
 * and the value a date and time field starts with. Templates call it as {@code @pageDates}.
 */
@Component
public class PageDates {

    private final ZoneId zone;

    PageDates(@Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    public String dayAndTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                                                       .withLocale(LocaleContextHolder.getLocale())
                                                       .withZone(zone)
                                                       .format(instant);
    }

    /** Now, to the minute, as a browser's date and time field reads it. */
    public String nowForAField() {
        return Instant.now().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
