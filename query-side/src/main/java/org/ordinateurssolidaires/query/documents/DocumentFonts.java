package org.ordinateurssolidaires.query.documents;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Bidi;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

/**
 * The typeface of every PDF the programme issues or prints, so that a name comes out exactly as it was recorded.
 * Liberation Sans, which has Helvetica's metrics (the documents keep their look and layout), draws Latin and its
 * extensions (Polish, Romanian, Czech, Vietnamese…), Greek, Cyrillic and Hebrew; DejaVu Sans draws what it lacks
 * (Armenian, Georgian, Lao, Tifinagh, symbols, Arabic). Both are embedded, each as the subset of its glyphs a
 * document uses.
 * <p>
 * Text written right to left (Arabic, Hebrew) is drawn so: the documents read left to right, and each part of a
 * text written the other way is put in its place by the Unicode bidirectional algorithm ({@link Bidi}), then shaped
 * by Java's own text layout, which OpenPDF's {@link LayoutProcessor} draws with (Arabic letters joined, marks
 * placed, brackets mirrored). The layout applies to the parts written right to left only, and is put in place
 * for the whole of the JVM ({@link LayoutProcessor#enable()} is OpenPDF's global switch): nothing else here makes
 * fonts. A part written right to left that wraps over lines is cut in the order it is drawn, its end on the first
 * line when a number or a character of the other font is within it (names and short lines do not wrap).
 * <p>
 * A character neither font draws (Chinese, Japanese, Korean, Indic scripts, most emoji), or one for private use (a
 * font's own glyph there means nothing the writer meant), is never dropped, as OpenPDF's own {@code FontSelector}
 * drops it: it is shown as its code point, {@code [U+738B]}, which says that something is there and lets anyone find
 * what it is.
 */
public final class DocumentFonts {

    private static final String REGULAR_LATIN = "liberation/LiberationSans-Regular.ttf";
    private static final String REGULAR_MORE = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD_LATIN = "liberation/LiberationSans-Bold.ttf";
    private static final String BOLD_MORE = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    /**
     * Drawn as OpenPDF draws text itself, a glyph for a character: made before Java's layout is enabled, which then
     * never applies to them (it takes two and a half times as long, for text that needs none). No font is kept in
     * OpenPDF's cache: one found there is made ready for the layout again.
     */
    private static final List<BaseFont> REGULAR = List.of(font(REGULAR_LATIN), font(REGULAR_MORE));
    private static final List<BaseFont> BOLD = List.of(font(BOLD_LATIN), font(BOLD_MORE));

    static {
        LayoutProcessor.enable(); // a font made from here on is laid out by Java as it is drawn
    }

    /** The same fonts made again, laid out by Java: for text written right to left. */
    private static final List<BaseFont> REGULAR_LAID_OUT = List.of(font(REGULAR_LATIN), font(REGULAR_MORE));
    private static final List<BaseFont> BOLD_LAID_OUT = List.of(font(BOLD_LATIN), font(BOLD_MORE));

    private DocumentFonts() {
    }

    /** Part of a text, drawn in one font. */
    public record Run(BaseFont font, String text) {
    }

    /**
     * The text as it is drawn, from left to right, in runs of one font and one direction each, composed first
     * (Unicode NFC) so that an accent stored apart from its letter is drawn with it; what no font draws is put as its
     * code points, {@code [U+738B]}.
     */
    public static List<Run> runs(String text, boolean bold) {
        List<BaseFont> fonts = bold ? BOLD : REGULAR;
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        if (composed.isEmpty()) {
            return List.of(); // no part: the order of none is refused
        }
        Bidi bidi = new Bidi(composed, Bidi.DIRECTION_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        Part[] parts = new Part[count];
        byte[] levels = new byte[count];
        for (int i = 0; i < count; i++) {
            String part = composed.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            levels[i] = (byte) bidi.getRunLevel(i);
            parts[i] = new Part(levels[i] % 2 == 1
                    ? rightToLeft(part, bold ? BOLD_LAID_OUT : REGULAR_LAID_OUT, fonts.get(0))
                    : runs(part, fonts, fonts.get(0)));
        }
        Bidi.reorderVisually(levels, 0, parts, 0, count);
        List<Run> all = new ArrayList<>();
        for (Part part : parts) {
            all.addAll(part.runs());
        }
        return List.copyOf(all);
    }

    /** The runs of a part of the text all of one direction. */
    private record Part(List<Run> runs) {
    }

    /**
     * A part written right to left, as it is drawn from left to right: its runs in reverse order, each laid out right
     * to left itself, and the spaces at its ends apart (a line's end trims the spaces at the end of its last run's
     * text: here those drawn on its left, inside the line). What no font draws is put in {@code plain}, as it is
     * written: its code points, left to right.
     */
    private static List<Run> rightToLeft(String part, List<BaseFont> fonts, BaseFont plain) {
        String written = part.strip();
        if (written.isEmpty()) {
            return runs(part, fonts, plain);
        }
        int start = part.indexOf(written);
        List<Run> drawn = new ArrayList<>(runs(part.substring(start + written.length()), fonts, plain));
        List<Run> letters = new ArrayList<>(runs(written, allIn(written, fonts), plain));
        Collections.reverse(letters);
        drawn.addAll(letters);
        drawn.addAll(runs(part.substring(0, start), fonts, plain));
        return drawn;
    }

    /** Text in runs of one font each, in its own order; what no font draws, as its code points in {@code plain}. */
    private static List<Run> runs(String text, List<BaseFont> fonts, BaseFont plain) {
        int[] characters = text.codePoints().toArray();
        Runs runs = new Runs();
        for (int i = 0; i < characters.length; ) {
            BaseFont font = drawing(characters[i], fonts);
            if (font != null) {
                runs.add(font, Character.toString(characters[i++]));
                continue;
            }
            StringJoiner undrawn = new StringJoiner(" ", "[", "]");
            for (; i < characters.length && drawing(characters[i], fonts) == null; i++) {
                undrawn.add(String.format("U+%04X", characters[i]));
            }
            runs.add(plain, undrawn.toString());
        }
        return runs.all();
    }

    /**
     * The fonts for a text written right to left: the one that draws all of it alone when there is one, so that its
     * spaces and brackets are laid out with its letters (a bracket is mirrored there).
     */
    private static List<BaseFont> allIn(String text, List<BaseFont> fonts) {
        return fonts.stream().filter(font -> text.codePoints().allMatch(c -> drawing(c, List.of(font)) != null))
                    .findFirst().map(List::of).orElse(fonts);
    }

    /** How wide the text is drawn at this size, in points. */
    public static float width(String text, boolean bold, float size) {
        float width = 0;
        for (Run run : runs(text, bold)) {
            width += run.font().getWidthPoint(run.text(), size);
        }
        return width;
    }

    /** The first font that draws the character; none for one for private use, or undrawn. */
    private static BaseFont drawing(int character, List<BaseFont> fonts) {
        if (character == '\n' || character == '\r' || character == '\t') {
            return fonts.get(0); // laid out, not drawn
        }
        if (Character.getType(character) == Character.PRIVATE_USE) {
            return null;
        }
        return fonts.stream().filter(font -> font.charExists(character)).findFirst().orElse(null);
    }

    /** Runs being put together: a character in the same font as the one before it extends its run. */
    private static final class Runs {

        private final List<Run> done = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private BaseFont font;

        void add(BaseFont in, String more) {
            if (in != font) {
                end();
                font = in;
            }
            text.append(more);
        }

        List<Run> all() {
            end();
            return List.copyOf(done);
        }

        private void end() {
            if (!text.isEmpty()) {
                done.add(new Run(font, text.toString()));
                text.setLength(0);
            }
        }
    }

    /**
     * A TrueType font from the class path, embedded as a subset in Identity-H, OpenPDF's encoding for Unicode; not
     * kept in OpenPDF's cache (the fonts above are made twice).
     */
    private static BaseFont font(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
