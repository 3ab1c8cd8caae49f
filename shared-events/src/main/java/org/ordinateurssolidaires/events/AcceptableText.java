package org.ordinateurssolidaires.events;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for text that comes in from outside — JSON fields, CSV cells, headers, query parameters — before
 * any of it reaches an event or a query. An event is kept for good and replayed into every read model, so its
 * text must be storable everywhere (PostgreSQL {@code text} refuses NUL) and harmless when shown (no terminal or
 * log escapes). Refused: C0 control characters (tab, line feed and carriage return only where {@link #lineBreaks}
 * allows them, with the line and paragraph separators U+2028 and U+2029, which break a line as shown), DEL, C1
 * control characters, unpaired surrogates (no valid UTF-8 holds them), Unicode non-characters such as U+FFFE, and
 * the direction controls that reorder what is shown; text that has characters but none visible (a no-break space, a
 * zero-width space, an accent on its own), which would be kept as if something had been written; and text longer
 * than {@link #maxLength} UTF-16 units, as Bean Validation's {@code @Size} counts. Plain spaces alone are left to
 * each field's own rule ({@code @NotBlank} where it must be written).
 *
 * @param lineBreaks whether tab, line feed, carriage return and the line and paragraph separators are allowed (notes
 *                   run over several lines)
 * @param maxLength  the most characters the text may have
 */
public record AcceptableText(boolean lineBreaks, int maxLength) {

    /** Longer than any note typed into the programme: the bound of every text without a tighter one of its own. */
    public static final int DEFAULT_MAX_LENGTH = 2_000;
    /** Request bodies and batch file cells: notes, comments and the work done may hold tabs and line breaks. */
    public static final AcceptableText MULTI_LINE = new AcceptableText(true, DEFAULT_MAX_LENGTH);
    /** Query parameters: a search term or a reference, on one line. */
    public static final AcceptableText ONE_LINE = new AcceptableText(false, DEFAULT_MAX_LENGTH);
    /** A user, a role or a correlation id, copied into the metadata of every event a command records. */
    public static final AcceptableText IDENTIFIER = new AcceptableText(false, 100);

    /** What makes the text unacceptable, worded for the person who sent it; empty when it is fine or absent. */
    public Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > maxLength) {
            return Optional.of("must be at most " + maxLength + " characters long");
        }
        boolean visible = false;
        boolean blankOfAnotherKind = false;
        for (int i = 0; i < text.length(); ) {
            int character = text.codePointAt(i);
            if (!isAllowed(character)) {
                return Optional.of(String.format("must not contain U+%04X (%s), found at character %d", character,
                        kind(character), i + 1));
            }
            boolean shows = isVisible(character);
            visible |= shows;
            blankOfAnotherKind |= !shows && !Character.isWhitespace(character);
            i += Character.charCount(character);
        }
        if (blankOfAnotherKind && !visible) {
            // "\u00A0" or "\u200B" passes for written: a blank operator in the erasure register, a nameless donor
            return Optional.of("has no visible character (only spaces, invisible characters or accents alone)");
        }
        return Optional.empty();
    }

    /**
     * Text from outside as it is kept: without the spaces around it, its lines ended by a line feed (a browser sends
     * a text area's as CR LF), and composed (Unicode's NFC), so that "Élise" typed as an E and a combining accent is
     * the "Élise" others type: one name, shown, sorted and found alike.
     */
    public static String tidied(String text) {
        return Normalizer.normalize(text.strip().replace("\r\n", "\n"), Normalizer.Form.NFC);
    }

    /**
     * The message code of the rule a text this rule refuses breaks, as its refusal names it on every way in: Bean
     * Validation's {@code Size} when it is too long, {@code AcceptableText} for what it holds.
     */
    public String ruleBroken(String refused) {
        return refused.length() > maxLength ? "Size" : "AcceptableText";
    }

    /**
     * The text with each character this rule refuses put as U+FFFD, the replacement character: what a refused form
     * gives back to be corrected shows where the fault was, and never carries a control character into the page.
     */
    public String refusedShown(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(character -> shown.appendCodePoint(isAllowed(character) ? character : 0xFFFD));
        return shown.toString();
    }

    /**
     * Whether the character shows as something: not a space of any kind, not a format character (zero-width space,
     * joiners, marks of direction), not an accent that has no letter to sit on, not a Hangul filler or braille blank.
     */
    private static boolean isVisible(int character) {
        int type = Character.getType(character);
        return !Character.isWhitespace(character) && !Character.isSpaceChar(character)
               && type != Character.FORMAT && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
               && type != Character.CONTROL && character != 0x115F && character != 0x1160 && character != 0x3164
               && character != 0xFFA0 && character != 0x2800;
    }

    /** A named value the rule refuses (a query parameter, a form field), and why. */
    public record Refusal(String name, String problem) {
    }

    /** The first of these named values (as a servlet request gives its parameters) that the rule refuses. */
    public Optional<Refusal> firstRefused(Map<String, String[]> values) {
        return values.entrySet().stream()
                     .flatMap(named -> Arrays.stream(named.getValue())
                                             .flatMap(value -> problem(value).stream())
                                             .map(problem -> new Refusal(named.getKey(), problem)))
                     .findFirst();
    }

    private boolean isAllowed(int character) {
        if (isLineBreak(character)) {
            return lineBreaks;
        }
        return !Character.isISOControl(character) // C0, DEL and C1
                && !isSurrogate(character) // codePointAt returns an unpaired surrogate as itself
                && !isNonCharacter(character)
                && !isDirectionControl(character);
    }

    private static boolean isLineBreak(int character) {
        return character == '\t' || character == '\n' || character == '\r'
               || character == 0x2028 || character == 0x2029;
    }

    private static boolean isSurrogate(int character) {
        return character >= Character.MIN_SURROGATE && character <= Character.MAX_SURROGATE;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: reserved, never text. */
    private static boolean isNonCharacter(int character) {
        return (character >= 0xFDD0 && character <= 0xFDEF) || (character & 0xFFFE) == 0xFFFE;
    }

    /**
     * The embeddings, overrides and isolates of the bidirectional algorithm (U+202A to U+202E, U+2066 to U+2069):
     * they reorder what follows them as it is shown, so that "Dell\u202ELLED" reads "DellDELL" on a page, in a CSV
     * or a PDF (the "Trojan Source" spoofing). Right-to-left text needs none of them; the marks U+200E and U+200F,
     * which reorder nothing after them, are left.
     */
    private static boolean isDirectionControl(int character) {
        return (character >= 0x202A && character <= 0x202E) || (character >= 0x2066 && character <= 0x2069);
    }

    private static String kind(int character) {
        if (Character.isISOControl(character)) {
            return "a control character";
        }
        if (isLineBreak(character)) {
            return "a line break";
        }
        if (isDirectionControl(character)) {
            return "a direction control";
        }
        return isSurrogate(character) ? "half of a surrogate pair" : "a Unicode non-character";
    }
}
