package org.ordinateurssolidaires.command.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainWordsTest {

    @Test
    void leavesOutAccentsCaseAndPunctuation() {
        assertThat(PlainWords.of("  Hôtel de Ville, Poitiers ")).isEqualTo(PlainWords.of("HOTEL DE VILLE -- POITIERS"))
                                                              .isEqualTo("hoteldevillepoitiers");
        assertThat(PlainWords.of("Ｓａｌｌｅ Ｂ")).as("full width").isEqualTo("salleb");
    }

    /** Found by an outside probe: a point or a space more or less, as people abbreviate, is the same name. */
    @Test
    void leavesOutTheSpacesBetweenWordsToo() {
        assertThat(PlainWords.of("C.C.A.S. de Poitiers")).isEqualTo(PlainWords.of("CCAS de Poitiers"));
        assertThat(PlainWords.of("Salle St.Jean")).isEqualTo(PlainWords.of("Salle StJean"))
                                                .isEqualTo(PlainWords.of("Salle St Jean"));
    }

    /**
     * Found by a review: a name of 200 characters may decompose into thousands (U+FDFA is 18 letters), and a name of
     * symbols only has no plain word; the key stays 64 hexadecimal digits, and two such names stay two.
     */
    @Test
    void keysEveryNameInSixtyFourHexadecimalDigits() {
        assertThat(PlainWords.key("\uFDFA".repeat(200))).hasSize(64).isEqualTo(PlainWords.key("\uFDFA".repeat(200)));
        assertThat(PlainWords.key("C.C.A.S. de Poitiers")).isEqualTo(PlainWords.key("ccas de poitiers"));
        assertThat(PlainWords.key("\uD83C\uDFE0")).isNotEqualTo(PlainWords.key("\uD83C\uDFEB"));
    }

    /** A letter of another script is a letter: two places in Arabic or Chinese are not one blank name. */
    @Test
    void keepsTheLettersOfEveryScript() {
        assertThat(PlainWords.of("Salle 東京")).isNotEqualTo(PlainWords.of("Salle 大阪")).isEqualTo("salle東京");
        assertThat(PlainWords.of("Maison Жилина")).isEqualTo("maisonжилина");
    }
}
