package org.ordinateurssolidaires.web.pages;

import java.util.Locale;

/**
 * The pages' language when the reader has chosen none ({@code ?lang=}, then kept in the {@value #COOKIE} cookie):
 * French, the programme's, whenever the browser reads it at all, and English for a browser that reads English and
 * not French (a visitor, a donor's head office abroad). A browser set to English first with French after it gets
 * French: the pages speak the programme's own words to whoever reads them.
 */
public final class FrenchFirst {

    /** Where a reader's own choice is kept, for a year. */
    public static final String COOKIE = "langue";

    private FrenchFirst() {
    }

    /**
     * The language the reader chose, if the pages speak it, else the one its browser reads ({@link #of(String)}): a
     * choice of another language (a cookie the app never set) is none.
     *
     * @param chosen the reader's choice, from its cookie, or null
     */
    public static Locale of(Locale chosen, String acceptLanguage) {
        return speaks(chosen) ? Locale.forLanguageTag(chosen.getLanguage()) : of(acceptLanguage);
    }

    /** Whether the pages speak the language: French or English. */
    public static boolean speaks(Locale language) {
        return language != null && (language.getLanguage().equals("fr") || language.getLanguage().equals("en"));
    }

    /** @param acceptLanguage the request's {@code Accept-Language}, or null */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.FRENCH;
        }
        boolean english = false;
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-", 2)[0];
                if (range.getWeight() > 0 && (language.equals("fr") || language.equals("*"))) {
                    return Locale.FRENCH;
                }
                english |= range.getWeight() > 0 && language.equals("en");
            }
        } catch (IllegalArgumentException unreadable) {
            return Locale.FRENCH; // a preference is no input to refuse
        }
        return english ? Locale.ENGLISH : Locale.FRENCH;
    }
}
