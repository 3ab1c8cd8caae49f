package org.ordinateurssolidaires.command.rules;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

/**
 * Free text as the rules compare it, people typing one name or place in many ways: its letters and digits only,
 * without accents or case, "Hôtel de Ville, Poitiers" and "HOTEL DE VILLE POITIERS" are one room, "C.C.A.S. de
 * Poitiers" and "CCAS de Poitiers" one partner, "Salle St-Jean" and "Salle StJean" one place. Letters of every
 * script count, as written ("Ｓａｌｌｅ" in full width is "salle"), and as they look: a letter that looks like
 * another of another script is that one (Unicode's confusables, UTS #39 skeletons, by ICU), so that "ССАЅ de
 * Poitiers" typed in Cyrillic, "МЈС" in Cyrillic capitals, or "CCAS de Poıtiers" with a dotless i, is the Latin
 * name; "SaIons" with a capital I is "Salons"; a digit is its number whatever its script ("١٠" is 10).
 * <p>
 * Compared in capitals, where look-alikes across scripts are most often alike and a Greek Σ is not the small σ that
 * looks like an o. Accents are left out of the scripts that write them over letters (Latin, Greek, Cyrillic, and
 * the vowel marks of Arabic and Hebrew); the marks of other scripts are part of their letters (Japanese "パ" is
 * not "ハ", Devanagari "का" is not "क") and stay.
 * <p>
 * The stored keys follow ICU's table of confusables, which changes with Unicode's versions: a new ICU4J needs a
 * migration that keys the stored names again ({@code PlainWordsTest} pins a key, to say so).
 */
public final class PlainWords {

    /** Built once: it loads Unicode's table of confusables. Immutable, so shared by every thread. */
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE)
                                                                               .build();
    /** The scripts whose marks are accents over letters, left out; {@code COMMON}: a mark over a digit or sign. */
    private static final Set<Integer> ACCENTED = Set.of(UScript.LATIN, UScript.GREEK, UScript.CYRILLIC,
            UScript.ARABIC, UScript.HEBREW, UScript.COMMON, UScript.INHERITED);

    private PlainWords() {
    }

    public static String of(String text) {
        // the skeleton of the letters and digits alone (a dash would look like a Japanese letter), in capitals;
        // then in small letters, with the marks a skeleton writes, for they tell letters apart (the dots of
        // Arabic's sheen and seen)
        String skeleton = CONFUSABLES.getSkeleton(lettersAndDigits(text).toUpperCase(Locale.ROOT));
        return Normalizer.normalize(skeleton, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                         .replaceAll("(?U)[^\\p{Alnum}\\p{M}]+", "");
    }

    /** Canonical forms only: a compatibility form would turn a Greek lunate sigma, which looks like C, into Σ. */
    private static String lettersAndDigits(String text) {
        StringBuilder kept = new StringBuilder();
        int script = UScript.COMMON;
        for (int character : Normalizer.normalize(text, Normalizer.Form.NFD).codePoints().toArray()) {
            int type = Character.getType(character);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK) {
                if (!ACCENTED.contains(script)) {
                    kept.appendCodePoint(character);
                }
                continue;
            }
            script = UScript.getScript(character);
            if (type == Character.DECIMAL_DIGIT_NUMBER) {
                kept.append(Character.forDigit(Character.digit(character, 10), 10));
            } else if (Character.isLetterOrDigit(character)) {
                kept.appendCodePoint(character);
            }
        }
        return kept.toString();
    }

    /**
     * What a lookup keeps to compare {@code text} with the others: the SHA-256 of its plain words (a name of 200
     * characters may decompose into thousands), or, for one with no letter or digit (symbols, emoji), of its NFKC
     * form in lower case, so that two such names are not one. Stored keys follow this method: a change to it needs a
     * migration that keys the stored names again.
     */
    public static String key(String text) {
        String plain = of(text);
        String compared = plain.isEmpty() ? Normalizer.normalize(text, Normalizer.Form.NFKC).strip()
                                                      .toLowerCase(Locale.ROOT) : plain;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                         .digest(compared.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
