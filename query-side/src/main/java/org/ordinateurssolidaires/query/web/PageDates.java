package org.ordinateurssolidaires.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
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

    /** A day, in the reader's way ({@code 2 mars 2026}). */
    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                                   .withLocale(LocaleContextHolder.getLocale()).format(day);
    }

    /** The month an instant falls in, as a table's row names it ({@code novembre 2026}). */
    public String month(Instant instant) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", LocaleContextHolder.getLocale()).withZone(zone).format(instant);
    }

    /** The month's short name, under a chart's bar ({@code nov.}). */
    public String shortMonth(Instant instant) {
        return DateTimeFormatter.ofPattern("LLL", LocaleContextHolder.getLocale()).withZone(zone).format(instant);
    }

    /** Now, to the minute, as a browser's date and time field reads it. */
    public String nowForAField() {
        return Instant.now().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
