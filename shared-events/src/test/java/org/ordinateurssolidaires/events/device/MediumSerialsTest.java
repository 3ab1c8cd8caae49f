package org.ordinateurssolidaires.events.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MediumSerialsTest {

    @Test
    void twoReadingsOfOneLabelAgree() {
        assertThat(MediumSerials.asScanned("ZDE1\u2010ab\u00a0cd")).isEqualTo(MediumSerials.asScanned(" zde1abcd"))
                                                                      .isEqualTo("ZDE1ABCD");
        assertThat(MediumSerials.asScanned("ＺＤＥ１－ＡＢ")).isEqualTo("ZDE1AB");
    }

    /** What a form's cell holds for "none" is no serial, which never makes two media one. */
    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-", "\u2013", " \u2014 ", "\u2212"})
    void noSerialForSeparatorsAlone(String cell) {
        assertThat(MediumSerials.asScanned(cell)).isNull();
    }

    /** Labels of 100 characters at most (the longest taken) whose readings NFKC or capitals spell out at length. */
    static Stream<String> labelsReadAtLength() {
        return Stream.of("a" + "\ufdfa".repeat(99), "a" + "\ufb03".repeat(99),
                // a pair of surrogates where the beginning kept ends: "A", 8 × 15 characters, 13 "B", the pair
                "a" + "\ufdfa".repeat(8) + "b".repeat(13) + "\ud83d\ude00" + "\ufdfa".repeat(5));
    }

    @ParameterizedTest
    @MethodSource("labelsReadAtLength")
    void aReadingLongerThanAColumnKeepsItsBeginningAndADigestOfTheWhole(String label) {
        String reading = MediumSerials.asScanned(label);

        assertThat(reading).hasSizeLessThanOrEqualTo(MediumSerials.AT_MOST).hasSizeGreaterThan(190).startsWith("A")
                           .matches("(?s).*#[0-9A-F]{64}")
                           .isEqualTo(MediumSerials.asScanned(" " + label.toUpperCase(Locale.ROOT) + " "));
        assertThat(reading.codePoints().noneMatch(point -> Character.getType(point) == Character.SURROGATE))
                .as("no half of a pair").isTrue();
        // the same beginning, another end: another serial
        assertThat(MediumSerials.asScanned(label.substring(0, label.length() - 1) + "Z")).isNotEqualTo(reading);
    }
}
