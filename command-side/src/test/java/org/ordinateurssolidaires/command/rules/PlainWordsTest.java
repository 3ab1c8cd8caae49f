package org.ordinateurssolidaires.command.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainWordsTest {

    /** The SHA-256 of "malrledepoltlerssalledesechevlns": in capitals, I looks like l. */
    private static final String PINNED_KEY = "1cc7ea3067b9882dcb0f23c358391a68144a676a3f5a1488ad9f33e7aff2841e";

    @Test
    void leavesOutAccentsCaseAndPunctuation() {
        assertThat(PlainWords.of("  Hôtel de Ville, Poitiers ")).isEqualTo(PlainWords.of("HOTEL DE VILLE -- POITIERS"))
                                                              .isEqualTo(PlainWords.of("hoteldevillepoitiers"));
        assertThat(PlainWords.of("Ｓａｌｌｅ Ｂ")).as("full width").isEqualTo("salleb");
        assertThat(PlainWords.of("Straße")).isEqualTo(PlainWords.of("STRASSE"));
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
        assertThat(PlainWords.of("Ελλήνων")).as("Greek, its accents and case").isEqualTo(PlainWords.of("ΕΛΛΗΝΩΝ"));
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

    /**
     * Found by a review and a probe: what tells letters and numbers apart stays. The dots a skeleton writes as marks
     * (Arabic's sheen and seen), the marks of scripts that are not accents (a Japanese voicing mark, a Devanagari
     * vowel sign), a zero of another script (which ICU takes for a point), a capital Σ (whose small form looks like
     * an o).
     */
    @Test
    void keepsApartWhatLooksApart() {
        assertThat(PlainWords.key("شمس")).isNotEqualTo(PlainWords.key("سمس"));
        assertThat(PlainWords.key("ثلج")).isNotEqualTo(PlainWords.key("يلج"));
        assertThat(PlainWords.key("バス協会")).isNotEqualTo(PlainWords.key("パス協会"));
        assertThat(PlainWords.key("कल संघ")).isNotEqualTo(PlainWords.key("काल संघ"));
        assertThat(PlainWords.key("جمعية ١٠")).isNotEqualTo(PlainWords.key("جمعية ١"))
                                              .as("a number is a number").isEqualTo(PlainWords.key("جمعية 10"));
        assertThat(PlainWords.key("Association ۲۰")).isNotEqualTo(PlainWords.key("Association ۲"));
        assertThat(PlainWords.key("Salle 10")).isNotEqualTo(PlainWords.key("Salle 01"));
        assertThat(PlainWords.key("ΣΟΦΙΑ Poitiers")).isNotEqualTo(PlainWords.key("ΟΟΦΙΑ Poitiers"));
        assertThat(PlainWords.key("Arnaud")).isNotEqualTo(PlainWords.key("Amaud"));
    }

    /** Found by a probe: capitals of other scripts, and a capital I for an l, look like the Latin name. */
    @Test
    void takesCapitalsThatLookAlikeAsOne() {
        assertThat(PlainWords.key("МЈС Les Couronneries")).isEqualTo(PlainWords.key("MJC Les Couronneries"));
        assertThat(PlainWords.key("ТОМ Poitiers")).isEqualTo(PlainWords.key("TOM Poitiers"));
        assertThat(PlainWords.key("ΗΟΜΕ Poitiers")).isEqualTo(PlainWords.key("HOME Poitiers"));
        assertThat(PlainWords.key("SaIons de BIossac")).isEqualTo(PlainWords.key("Salons de Blossac"));
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
