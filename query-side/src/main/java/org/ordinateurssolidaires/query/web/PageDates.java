package org.ordinateurssolidaires.query.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Times on the pages, in the programme's time zone and the reader's way ({@code 2 mars 2026 10:00} in French),
 * and the value a date and time field starts with. Templates call it as {@code @pageDates}.
 */
@Component
public class PageDates {

    /** The days of a month as French writes them: the first is "1er". */
    private static final Map<Long, String> FRENCH_DAYS = LongStream.rangeClosed(1, 31).boxed().collect(
            Collectors.toMap(Function.identity(), day -> day == 1 ? "1er" : Long.toString(day)));

    /**
     * Each formatter built once (a page draws a date per row of its list), by its styles and locale: a few, as the
     * pages speak French and English.
     */
    private static final Map<Style, DateTimeFormatter> IN_WORDS = new ConcurrentHashMap<>();

    private record Style(FormatStyle date, FormatStyle time, Locale locale) {
    }

    private final ZoneId zone;

    PageDates(@Value("${ordinateurs.time-zone:Europe/Paris}") ZoneId zone) {
        this.zone = zone;
    }

    public String dayAndTime(Instant instant) {
        return instant == null ? "" : said(instant, inWords(FormatStyle.LONG, FormatStyle.SHORT,
                LocaleContextHolder.getLocale()).withZone(zone));
    }

    /**
     * A moment as the reader's spreadsheet reads one, in the programme's time zone: {@code 07/12/2026 09:15} in
     * French (French Excel takes it for a date and time), {@code 2026-12-07 09:15} otherwise (as any spreadsheet).
     */
    public DateTimeFormatter forASpreadsheet(Locale locale) {
        return DateTimeFormatter.ofPattern(french(locale) ? "dd/MM/yyyy HH:mm" : "yyyy-MM-dd HH:mm", Locale.ROOT)
                                .withZone(zone);
    }

    /** A day, in the reader's way ({@code 2 mars 2026}, {@code 1er mars 2026}). */
    public String day(LocalDate day) {
        return day == null ? "" : said(day, longDay(LocaleContextHolder.getLocale()));
    }

    /**
     * A day in words in {@code locale}: the first of a month is "1er" in French, as the Imprimerie nationale's rules
     * write it and every French reader expects, which neither the JDK's nor CLDR's long date says.
     */
    public static DateTimeFormatter longDay(Locale locale) {
        return inWords(FormatStyle.LONG, null, locale);
    }

    /**
     * The date of {@code locale} in {@code dateStyle}, with its time in {@code timeStyle} if any, its first day "1er"
     * in French ({@code 1er déc. 2026, 09:00} in the documents).
     */
    public static DateTimeFormatter inWords(FormatStyle dateStyle, FormatStyle timeStyle, Locale locale) {
        return IN_WORDS.computeIfAbsent(new Style(dateStyle, timeStyle, locale), style -> {
            String pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(dateStyle, timeStyle,
                    IsoChronology.INSTANCE, locale);
            if (!french(locale) || !pattern.startsWith("d ")) {
                return DateTimeFormatter.ofPattern(pattern, locale);
            }
            return new DateTimeFormatterBuilder().appendText(ChronoField.DAY_OF_MONTH, FRENCH_DAYS)
                                                 .appendPattern(pattern.substring(1)).toFormatter(locale);
        });
    }

    /** When a day starts in the programme's time zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static boolean french(Locale locale) {
        return locale.getLanguage().equals(Locale.FRENCH.getLanguage());
    }

    /** The month an instant falls in, as a table's row names it ({@code novembre 2026}). */
    public String month(Instant instant) {
        return said(instant, DateTimeFormatter.ofPattern("LLLL yyyy", LocaleContextHolder.getLocale()).withZone(zone));
    }

    /** The month's short name, under a chart's bar ({@code nov.}). */
    public String shortMonth(Instant instant) {
        return said(instant, DateTimeFormatter.ofPattern("LLL", LocaleContextHolder.getLocale()).withZone(zone));
    }

    /** The programme's day now: the day a step recorded now is taken to be on. */
    public LocalDate today() {
        return LocalDate.now(zone);
    }

    /** Now, to the minute, as a browser's date and time field reads it. */
    public String nowForAField() {
        return Instant.now().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /**
     * In words, or as stored when no calendar says it (a date the store kept before the forms refused such slips,
     * year 1000000000 say): the page is shown all the same.
     */
    private static String said(TemporalAccessor moment, DateTimeFormatter words) {
        try {
            return words.format(moment);
        } catch (DateTimeException beyondTheCalendar) {
            return moment.toString();
        }
    }
}
