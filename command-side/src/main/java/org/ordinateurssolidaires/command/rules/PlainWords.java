package org.ordinateurssolidaires.command.rules;

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
 * script count, as written ("Ｓａｌｌｅ" in full width is "salle").
 */
public final class PlainWords {

    private PlainWords() {
    }

    public static String of(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                         .replaceAll("(?U)[^\\p{Alnum}]+", "");
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
