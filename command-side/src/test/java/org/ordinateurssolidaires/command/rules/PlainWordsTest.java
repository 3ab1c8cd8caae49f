package org.ordinateurssolidaires.command.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainWordsTest {

    /** The SHA-256 of "rnairiedepoitierssalledesechevins": "m" looks like "rn". */
    private static final String PINNED_KEY = "ecb799d3e072bf09302b07820ae159de135789216109d7c09dc4e972a99c7d3c";

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
                                                .isEqualTo(PlainWords.of("Salle St Jean"))
                                                .as("a dash, which looks like a Japanese letter").isEqualTo(
                                                        PlainWords.of("Salle — St Jean"));
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
        assertThat(PlainWords.of("Maison Жилина")).isNotEqualTo(PlainWords.of("Maison Жилино"))
                                                 .isNotEqualTo(PlainWords.of("Maison"));
        assertThat(PlainWords.of("قاعة البلدية")).isNotEmpty().isNotEqualTo(PlainWords.of("قاعة المدينة"));
    }

    /**
     * Found by outside probes: a name typed with letters of another script that look the same, as a whole
     * ("ССАЅ" in Cyrillic passes the rule of one script per word) or in part (a Turkish dotless i), was a second
     * partner under the name of the first.
     */
    @Test
    void takesLettersThatLookAlikeAsOne() {
        String ccas = PlainWords.key("CCAS de Poitiers");

        assertThat(PlainWords.key("ССАЅ de Poitiers")).as("Cyrillic capitals").isEqualTo(ccas);
        assertThat(PlainWords.key("ССАЅ dе Роitiеrѕ")).as("Cyrillic wherever it looks Latin").isEqualTo(ccas);
        assertThat(PlainWords.key("CCAS de Poıtiers")).as("a dotless i").isEqualTo(ccas);
        assertThat(PlainWords.key("ϹϹΑЅ de Poitiers")).as("Greek lunate sigmas and alpha, a Cyrillic dze")
                                                    .isEqualTo(ccas);
        assertThat(PlainWords.key("CCAS de Poitiers 2")).isNotEqualTo(ccas);
        assertThat(PlainWords.key("CCAS de Châtellerault")).isNotEqualTo(ccas);
    }

    /** Found by a review: the dots a skeleton writes as marks tell Arabic letters apart (sheen and seen). */
    @Test
    void keepsApartLettersThatOnlyTheirDotsTellApart() {
        assertThat(PlainWords.key("شمس")).isNotEqualTo(PlainWords.key("سمس"));
        assertThat(PlainWords.key("ثلج")).isNotEqualTo(PlainWords.key("يلج"));
        assertThat(PlainWords.key("Salle 10")).isNotEqualTo(PlainWords.key("Salle 01"));
    }

    /**
     * The keys stored (ceremony slots, partner names) are these: a change of ICU4J, whose table of confusables
     * follows Unicode's versions, or of this class, that changes a key needs a migration keying the stored names
     * again, then this key updated.
     */
    @Test
    void keysAsTheStoredKeysWere() {
        assertThat(PlainWords.key("Mairie de Poitiers — Salle des Échevins"))
                .isEqualTo(PINNED_KEY);
    }
}
