package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Days as their reader writes them: the first of a month is "1er" in French, plain elsewhere. */
class PageDatesTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final PageDates dates = new PageDates(PARIS);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void saysTheFirstOfAMonthAsFrenchWritesIt() {
        LocaleContextHolder.setLocale(Locale.FRENCH);

        assertThat(dates.day(LocalDate.of(2026, 12, 1))).isEqualTo("1er décembre 2026");
        assertThat(dates.day(LocalDate.of(2026, 12, 2))).isEqualTo("2 décembre 2026");
        assertThat(dates.day(LocalDate.of(2026, 3, 31))).isEqualTo("31 mars 2026");
        assertThat(dates.dayAndTime(Instant.parse("2026-11-30T23:30:00Z"))).as("in Paris, the next day")
                                                                          .isEqualTo("1er décembre 2026 00:30");
        assertThat(dates.dayAndTime(Instant.parse("2026-03-02T09:00:00Z"))).isEqualTo("2 mars 2026 10:00");
        assertThat(PageDates.inWords(FormatStyle.MEDIUM, FormatStyle.SHORT, Locale.FRENCH).withZone(PARIS)
                            .format(Instant.parse("2026-12-01T08:00:00Z"))).as("as the documents write it")
                .startsWith("1er déc. 2026").endsWith("09:00");
    }

    @Test
    void saysItPlainlyInEnglish() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);

        assertThat(dates.day(LocalDate.of(2026, 12, 1))).isEqualTo("December 1, 2026");
        assertThat(PageDates.longDay(Locale.ENGLISH).format(LocalDate.of(2026, 6, 1))).isEqualTo("June 1, 2026");
    }
}
