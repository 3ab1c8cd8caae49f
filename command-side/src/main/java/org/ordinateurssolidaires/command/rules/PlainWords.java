package org.ordinateurssolidaires.command.rules;

import com.ibm.icu.text.SpoofChecker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Free text as the rules compare it, people typing one name or place in many ways: its letters and digits only,
 * without accents or case, "Hôtel de Ville, Poitiers" and "HOTEL DE VILLE POITIERS" are one room, "C.C.A.S. de
 * Poitiers" and "CCAS de Poitiers" one partner, "Salle St-Jean" and "Salle StJean" one place. Letters of every
 * script count, as written ("Ｓａｌｌｅ" in full width is "salle"), and as they look: a letter that looks like
 * another of another script is that one (Unicode's confusables, UTS #39 skeletons, by ICU), so that "ССАЅ de
 * Poitiers" typed in Cyrillic, or "CCAS de Poıtiers" with a dotless i, is the CCAS de Poitiers; within Latin, "rn"
 * is "m", "0" is "o" and "1" is "l". Case is set aside first, so a capital I is an i, not the l it looks like.
 * <p>
 * The stored keys follow ICU's table of confusables, which changes with Unicode's versions: a new ICU4J needs a
 * migration that keys the stored names again ({@code PlainWordsTest} pins a key, to say so).
 */
public final class PlainWords {

    /** Built once: it loads Unicode's table of confusables. Immutable, so shared by every thread. */
    private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE)
                                                                               .build();

    private PlainWords() {
    }

    public static String of(String text) {
        // accents, case, punctuation and spaces set aside as written (canonical forms only: a compatibility form
        // would turn a Greek lunate sigma, which looks like C, into a sigma; and a dash would look like a Japanese
        // letter), then the letters as they look; the marks a skeleton writes are kept, for they tell letters apart
        // (the dots of Arabic's sheen and seen)
        String unmarked = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                                    .toLowerCase(Locale.ROOT).replaceAll("(?U)[^\\p{Alnum}]+", "");
        return Normalizer.normalize(CONFUSABLES.getSkeleton(unmarked), Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                         .replaceAll("(?U)[^\\p{Alnum}\\p{M}]+", "");
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
