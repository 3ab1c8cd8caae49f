package org.ordinateurssolidaires.query.inventory;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import io.nayuki.qrcodegen.QrCode;
import org.ordinateurssolidaires.query.documents.DocumentFonts;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListedDevice;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Printable A4 sheets of device labels, 3 columns by 8 rows of 70 × 37 mm (the common "24 per sheet" stock): on
 * each, a QR code that opens the device's page, the asset tag in large type (shrunk to fit one line, or in two or
 * three lines when one would set it too small), and what the device is, wrapped over the lines that fit under the
 * tag and ended with an ellipsis when it needs more (shrunk onto one line, a model's hundred characters were a
 * hairline): nothing is set smaller than {@link #SMALLEST}. The QR code is drawn as vector squares, sharp at any
 * printer's resolution, with its four-module quiet zone. The text is in the programme's typeface
 * ({@link DocumentFonts}), as on its documents.
 */
final class LabelSheets {

    private static final float MM = 72f / 25.4f;
    private static final int COLUMNS = 3;
    private static final int ROWS = 8;
    private static final float WIDTH = 70 * MM;
    private static final float HEIGHT = 37 * MM;
    private static final float TOP = PageSize.A4.getHeight() - (PageSize.A4.getHeight() - ROWS * HEIGHT) / 2;
    private static final float PADDING = 3 * MM;
    private static final float QR_SIZE = HEIGHT - 2 * PADDING;
    private static final int QUIET_ZONE = 4;
    private static final float TAG_SIZE = 14;
    private static final float CAPTION_SIZE = 7;
    /** The programme's name, at the foot: the smallest type on a label, still read at arm's length. */
    static final float SMALLEST = 6;
    private static final float LEADING = 1.2f * CAPTION_SIZE;
    /** From a label's top to the caption's first line: the tag's height again below the tag's line. */
    private static final float CAPTION_TOP = PADDING + 2 * TAG_SIZE;
    private static final String ELLIPSIS = "\u2026";
    /** A tag set smaller in one line is set in two or three. */
    private static final float TAG_LEGIBLE = 8;
    /** The height a tag's lines take at most, from the top padding to the last one's line: two lines'. */
    private static final float TAG_BLOCK = 2 * TAG_SIZE;
    private static final float TAG_LEADING = 1.1f;

    private LabelSheets() {
    }

    /**
     * @param devices at least one
     * @param pageOf  the address of a device's page, as its QR code opens it
     * @param caption what the device is, in the reader's language, under its tag
     */
    static byte[] of(List<ListedDevice> devices, Function<ListedDevice, String> pageOf,
                     Function<ListedDevice, String> caption, String programme) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        for (int i = 0; i < devices.size(); i++) {
            int slot = i % (COLUMNS * ROWS);
            if (i > 0 && slot == 0) {
                document.newPage();
            }
            float left = (slot % COLUMNS) * WIDTH;
            float bottom = TOP - (slot / COLUMNS + 1) * HEIGHT;
            ListedDevice device = devices.get(i);
            qrCode(canvas, QrCode.encodeText(pageOf.apply(device), QrCode.Ecc.MEDIUM), left + PADDING,
                    bottom + PADDING);
            float textLeft = left + PADDING + QR_SIZE + 2 * MM;
            float textWidth = left + WIDTH - PADDING - textLeft;
            TagLines tag = tagLines(device.assetTag(), textWidth);
            float first = tag.lines().size() == 1 ? TAG_SIZE : tag.size();
            float tagEnd = PADDING + first + (tag.lines().size() - 1) * TAG_LEADING * tag.size();
            for (int line = 0; line < tag.lines().size(); line++) {
                line(canvas, tag.lines().get(line), true, tag.size(), textLeft,
                        bottom + HEIGHT - tagEnd + (tag.lines().size() - 1 - line) * TAG_LEADING * tag.size());
            }
            // below the tag, a caption line and a half under its last line, and half a line above the programme's name
            float captionTop = Math.max(CAPTION_TOP, tagEnd + 1.5f * LEADING);
            int captionLines = (int) ((HEIGHT - captionTop - PADDING - SMALLEST - CAPTION_SIZE / 2) / LEADING) + 1;
            List<String> captionShown = lines(caption.apply(device), CAPTION_SIZE, textWidth, captionLines);
            for (int line = 0; line < captionShown.size(); line++) {
                line(canvas, captionShown.get(line), false, CAPTION_SIZE, textLeft,
                        bottom + HEIGHT - captionTop - line * LEADING);
            }
            line(canvas, lines(programme, SMALLEST, textWidth, 1).get(0), false, SMALLEST, textLeft,
                    bottom + PADDING);
        }
        document.close();
        return pdf.toByteArray();
    }

    private static void qrCode(PdfContentByte canvas, QrCode code, float left, float bottom) {
        float module = QR_SIZE / (code.size + 2 * QUIET_ZONE);
        canvas.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    canvas.rectangle(left + (x + QUIET_ZONE) * module,
                            bottom + QR_SIZE - (y + QUIET_ZONE + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
    }

    /** A tag, in the lines it is printed in, and their size. */
    private record TagLines(List<String> lines, float size) {
    }

    /**
     * The tag in one line, or, when one would set it smaller than {@link #TAG_LEGIBLE} (a tag of 32 characters was
     * set at 4 points), in the two or three that set it largest, each cut after a dash where one is near.
     */
    private static TagLines tagLines(String tag, float width) {
        TagLines best = null;
        for (int count = 1; count <= Math.min(3, tag.length()); count++) {
            List<String> lines = cut(tag, count);
            float size = Math.min(TAG_SIZE, TAG_BLOCK / (1 + TAG_LEADING * (count - 1)));
            for (String line : lines) {
                size = Math.min(size, TAG_SIZE * width / Math.max(1, DocumentFonts.width(line, true, TAG_SIZE)));
            }
            if (best == null || size > best.size()) {
                best = new TagLines(lines, size);
            }
            if (best.size() >= TAG_LEGIBLE) {
                break;
            }
        }
        return best;
    }

    /** The text (a tag: ASCII) in pieces of about one length, each cut moved after a dash at most two away. */
    private static List<String> cut(String text, int count) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int piece = 1; piece < count; piece++) {
            int cut = Math.max(start + 1, text.length() * piece / count);
            for (int away = 0; away <= 2; away++) {
                if (cut - away - 1 > start && text.charAt(cut - away - 1) == '-') {
                    cut -= away;
                    break;
                }
                if (cut + away < text.length() && text.charAt(cut + away - 1) == '-') {
                    cut += away;
                    break;
                }
            }
            pieces.add(text.substring(start, cut));
            start = cut;
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static void line(PdfContentByte canvas, String text, boolean bold, float size, float left,
                             float baseline) {
        canvas.beginText();
        canvas.setTextMatrix(left, baseline);
        for (DocumentFonts.Run run : DocumentFonts.runs(text, bold)) {
            canvas.setFontAndSize(run.font(), size);
            canvas.showText(run.text());
        }
        canvas.endText();
    }

    /**
     * The text in lines no wider than {@code width} at {@code size}, broken at spaces, or inside a word longer than a
     * line; past {@code most} lines, the last one shown ends with an ellipsis.
     */
    private static List<String> lines(String text, float size, float width, int most) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.strip().split("\\s+")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (fits(longer, size, width)) {
                line = longer;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
            line = word;
            while (!fits(line, size, width)) {
                int cut = line.offsetByCodePoints(0, longestFitting(line, "", size, width));
                lines.add(line.substring(0, cut));
                line = line.substring(cut);
            }
        }
        lines.add(line);
        if (lines.size() <= most) {
            return lines;
        }
        List<String> shown = new ArrayList<>(lines.subList(0, most - 1));
        String last = lines.get(most - 1) + " " + lines.get(most);
        shown.add(last.substring(0, last.offsetByCodePoints(0, longestFitting(last, ELLIPSIS, size, width)))
                      .stripTrailing() + ELLIPSIS);
        return shown;
    }

    /** How many of the text's first code points fit in the width with the {@code end} after them: one at least. */
    private static int longestFitting(String text, String end, float size, float width) {
        int fitting = 1;
        while (fitting < text.codePointCount(0, text.length())
               && fits(text.substring(0, text.offsetByCodePoints(0, fitting + 1)) + end, size, width)) {
            fitting++;
        }
        return fitting;
    }

    private static boolean fits(String text, float size, float width) {
        return DocumentFonts.width(text, false, size) <= width;
    }
}
