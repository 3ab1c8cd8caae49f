package org.ordinateurssolidaires.command.rules;

import java.text.Normalizer;
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
}
