package org.ordinateurssolidaires.web.pages;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchFirstTest {

    /** A browser that reads English and not French: a visitor, a donor's head office abroad. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "en-GB,en;q=0.9", "en-US", "de-DE,de;q=0.9,en;q=0.5", "fr;q=0,en", "EN-gb"})
    void speaksEnglishToABrowserThatReadsEnglishAndNotFrench(String acceptLanguage) {
        assertThat(FrenchFirst.of(acceptLanguage)).isEqualTo(Locale.ENGLISH);
    }

    /** The programme's own words to whoever reads them, English first or not; and to a preference unread. */
    @ParameterizedTest
    @ValueSource(strings = {"fr-FR,fr;q=0.9", "en-US,en;q=0.9,fr;q=0.8", "fr-CA", "*", "en,*;q=0.1", "de", " ",
            "en;q=x,,;;=", "fr-BE;q=0.1,en"})
    void speaksFrenchToABrowserThatReadsFrenchOrNeither(String acceptLanguage) {
        assertThat(FrenchFirst.of(acceptLanguage)).isEqualTo(Locale.FRENCH);
    }

    @Test
    void speaksFrenchToABrowserThatSaysNothing() {
        assertThat(FrenchFirst.of(null)).isEqualTo(Locale.FRENCH);
    }

    /** The reader's own choice first, if the pages speak it; one of another language is none. */
    @Test
    void takesTheReadersChoiceOfALanguageThePagesSpeak() {
        assertThat(FrenchFirst.of(Locale.FRENCH, "en-GB")).isEqualTo(Locale.FRENCH);
        assertThat(FrenchFirst.of(Locale.forLanguageTag("en-US"), "fr")).isEqualTo(Locale.ENGLISH);
        assertThat(FrenchFirst.of(Locale.GERMAN, "en-GB")).isEqualTo(Locale.ENGLISH);
        assertThat(FrenchFirst.of(null, null)).isEqualTo(Locale.FRENCH);
    }
}
