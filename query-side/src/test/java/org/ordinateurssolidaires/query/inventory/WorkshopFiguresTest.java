package org.ordinateurssolidaires.query.inventory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How the lead times' histogram keeps a duration: to the hour below 64 hours, within 1.6 % beyond. */
class WorkshopFiguresTest {

    /** As PostgreSQL rounds: a half away from zero, a step recorded before its start too. */
    @ParameterizedTest(name = "{0} to {1} h")
    @CsvSource({"PT29M59.999999S, 0", "PT30M, 1", "PT9H30M, 10", "PT-30M, -1", "PT-9H-30M, -10", "PT-9H-29M, -9",
            "PT0S, 0"})
    void timesAStepToTheNearestHour(Duration took, long hours) {
        assertThat(WorkshopFigures.hours(took)).isEqualTo(hours);
    }

    @ParameterizedTest(name = "{0} h kept as {1} h")
    @CsvSource({"0, 0", "1, 1", "63, 63", "64, 64", "65, 66", "127, 128", "128, 128", "419, 416", "683, 688",
            "8760, 8704", "-65, -66", "-419, -416"})
    void keepsADurationToItsSixLeadingBits(long hours, long kept) {
        assertThat(WorkshopFigures.kept(hours)).isEqualTo(kept);
    }

    @Test
    void keepsEveryDurationOfAYearWithinOneSixtyFourth() {
        LongStream.rangeClosed(1, 24 * 366).forEach(hours -> assertThat(
                Math.abs(WorkshopFigures.kept(hours) - hours)).as("%d h", hours).isLessThanOrEqualTo(hours / 64));
    }

    /** 64 whole hours, then 32 values for each doubling: 64 to 127 hours, 128 to 255, ... 8,192 to 16,383. */
    @Test
    void aYearOfDurationsTakesAtMostThreeHundredAndTwentyRows() {
        assertThat(LongStream.rangeClosed(0, 24 * 366).map(WorkshopFigures::kept).distinct().count())
                .isLessThanOrEqualTo(64 + 32 * 8);
    }
}
