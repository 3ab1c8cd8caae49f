package org.ordinateurssolidaires.events.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
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
    public static final Pattern SEPARATORS = Pattern.compile("[\\p{javaWhitespace}\\p{Z}\\p{Pd}\\u2212]+");

    /**
     * The longest reading, in UTF-16 units: what the read models' columns hold. A serial of 100 characters fits, but
     * NFKC spells some characters out (an Arabic ligature in 18, "ﬃ" in 3) and capitals some more ("ß" in 2): such a
     * reading keeps its beginning and ends with a digest of the whole ({@link #LONG_READING_MARK} and SHA-256 in
     * hexadecimal), so that two long readings are one only where they are the same throughout.
     */
    public static final int AT_MOST = 200;
    /** Between a long reading's beginning and its digest. */
    public static final char LONG_READING_MARK = '#';
    private static final int DIGEST_LENGTH = 64;

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
        return reading.length() <= AT_MOST ? reading : beginningAndDigest(reading);
    }

    private static String beginningAndDigest(String reading) {
        int kept = AT_MOST - 1 - DIGEST_LENGTH;
        if (Character.isHighSurrogate(reading.charAt(kept - 1))) {
            kept--; // never half a pair
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(reading.getBytes(StandardCharsets.UTF_8));
            return reading.substring(0, kept) + LONG_READING_MARK + HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
