package org.ordinateurssolidaires.command.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainWordsTest {

    @Test
    void leavesOutAccentsCaseAndPunctuation() {
        assertThat(PlainWords.of("  Hôtel de Ville, Poitiers ")).isEqualTo(PlainWords.of("HOTEL DE VILLE -- POITIERS"))
                                                              .isEqualTo("hotel de ville poitiers");
        assertThat(PlainWords.of("Ｓａｌｌｅ Ｂ")).as("full width").isEqualTo("salle b");
    }

    /** A letter of another script is a letter: two places in Arabic or Chinese are not one blank name. */
    @Test
    void keepsTheLettersOfEveryScript() {
        assertThat(PlainWords.of("Salle 東京")).isNotEqualTo(PlainWords.of("Salle 大阪")).isEqualTo("salle 東京");
        assertThat(PlainWords.of("Maison Жилина")).isEqualTo("maison жилина");
    }
}
