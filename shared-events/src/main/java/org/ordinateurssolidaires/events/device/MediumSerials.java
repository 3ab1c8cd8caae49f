package org.ordinateurssolidaires.events.device;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A medium's serial as two readings of one label agree on it: a scanner's case and spaces vary, a keyboard in
 * full-width mode types "ＭＳ-Ｃ1" for "MS-C1" (Unicode's compatibility forms, folded by NFKC), and a word processor
 * turns the hyphen of a pasted "MS-C1" into a dash "MS‐C1". Separators are left out of the comparison: within one
 * device, two media whose serials differ only by them are one medium read twice, not two; across devices, a serial
 * another device lists too is the same disk in two (the inventory says so on a device's page). A device's own serial
 * is searched by the same reading.
 */
public final class MediumSerials {

    /** Spaces of any kind, dashes of any kind (Unicode's Pd) and the minus sign. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\p{javaWhitespace}\\p{Z}\\p{Pd}\\u2212]+");

    /**
     * The longest reading, in UTF-16 units: what the read models' columns hold. A serial of 100 characters fits, but
     * NFKC spells some characters out (an Arabic ligature in 18, "ﬃ" in 3) and capitals some more ("ß" in 2): such a
     * reading compares by its first 200 characters, never a surrogate pair cut. So two media whose readings agree on
     * those are one serial on the command side too (one serial per medium), which no real label comes near.
     */
    public static final int AT_MOST = 200;

    private MediumSerials() {
    }

    /**
     * Null for no serial, "-" in a form's cell included: a medium without one (a soldered chip, say) is never the
     * same as another by it.
     */
    public static String asScanned(String serial) {
        if (serial == null) {
            return null;
        }
        String folded = SEPARATORS.matcher(Normalizer.normalize(serial, Normalizer.Form.NFKC)).replaceAll("");
        if (folded.isEmpty()) {
            return null;
        }
        String reading = folded.toUpperCase(Locale.ROOT);
        if (reading.length() <= AT_MOST) {
            return reading;
        }
        return reading.substring(0, Character.isHighSurrogate(reading.charAt(AT_MOST - 1)) ? AT_MOST - 1 : AT_MOST);
    }
}
