package org.ordinateurssolidaires.query.documents;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The typeface of every PDF the programme issues or prints, so that a name comes out exactly as it was recorded.
 * Liberation Sans, which has Helvetica's metrics (the documents keep their look and layout), draws Latin and its
 * extensions (Polish, Romanian, Czech, Vietnamese…), Greek and Cyrillic; DejaVu Sans draws what it lacks (Armenian,
 * Georgian, Lao, Tifinagh, symbols). Both are embedded, each as the subset of its glyphs a document uses.
 * <p>
 * A character neither font draws (Chinese, Japanese, Korean, Indic scripts, most emoji), one written right to left
 * (Arabic, Hebrew: the documents lay text out left to right only, and drawn so a name would be misspelt), or one for
 * private use (a font's own glyph there means nothing the writer meant) is never dropped, as OpenPDF's own
 * {@code FontSelector} drops it: it is shown as its code point, {@code [U+738B]}, which says that something is there
 * and lets anyone find what it is.
 */
public final class DocumentFonts {

    private static final List<BaseFont> REGULAR = List.of(font("liberation/LiberationSans-Regular.ttf"),
            font("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf"));
    private static final List<BaseFont> BOLD = List.of(font("liberation/LiberationSans-Bold.ttf"),
            font("net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf"));

    private DocumentFonts() {
    }

    /** Part of a text, drawn in one font. */
    public record Run(BaseFont font, String text) {
    }

    /**
     * The text as it is drawn, in runs of one font each, composed first (Unicode NFC) so that an accent stored apart
     * from its letter is drawn with it; what no font draws is put as its code points, {@code [U+0645 U+062D]}.
     */
    public static List<Run> runs(String text, boolean bold) {
        List<BaseFont> fonts = bold ? BOLD : REGULAR;
        int[] characters = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray();
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
            runs.add(fonts.get(0), undrawn.toString());
        }
        return runs.all();
    }

    /** How wide the text is drawn at this size, in points. */
    public static float width(String text, boolean bold, float size) {
        float width = 0;
        for (Run run : runs(text, bold)) {
            width += run.font().getWidthPoint(run.text(), size);
        }
        return width;
    }

    /** The first font that draws the character; none for one written right to left, for private use, or undrawn. */
    private static BaseFont drawing(int character, List<BaseFont> fonts) {
        if (character == '\n' || character == '\r' || character == '\t') {
            return fonts.get(0); // laid out, not drawn
        }
        byte direction = Character.getDirectionality(character);
        if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
            || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
            || Character.getType(character) == Character.PRIVATE_USE) {
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

    /** A TrueType font from the class path, embedded as a subset in Identity-H, OpenPDF's encoding for Unicode. */
    private static BaseFont font(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException missing) {
            throw new UncheckedIOException(missing);
        }
    }
}
