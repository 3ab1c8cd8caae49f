package org.ordinateurssolidaires.command.rules;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Free text as the rules compare it, people typing one name or place in many ways: without accents, case or
 * punctuation, "Rue de l'Église" and "rue de l eglise" are one street, "Hôtel de Ville, Poitiers" and "HOTEL DE
 * VILLE POITIERS" one room. Letters of every script count, as written ("Ｓａｌｌｅ" in full width is "salle").
 */
public final class PlainWords {

    private PlainWords() {
    }

    public static String of(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                         .replaceAll("(?U)[^\\p{Alnum}]+", " ").strip();
    }
}
