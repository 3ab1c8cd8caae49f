package org.ordinateurssolidaires.events.device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
}
