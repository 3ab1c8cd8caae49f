package org.ordinateurssolidaires.query.documents;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The programme's look for the documents it issues: titles, headings, key figures and tables, in its typeface
 * ({@link DocumentFonts}).
 */
public final class PdfLayout {

    private static final Color PROGRAMME_GREEN = new Color(0x1f, 0x6f, 0x50);
    private static final Style TITLE = new Style(18, true, PROGRAMME_GREEN);
    private static final Style HEADING = new Style(12, true, PROGRAMME_GREEN);
    private static final Style TEXT = new Style(9, false, null);
    private static final Style SMALL = new Style(7, false, null);
    private static final Style TABLE_HEADER = new Style(7, true, Color.WHITE);
    private static final Style FIGURE = new Style(16, true, PROGRAMME_GREEN);

    private final Document document;

    private PdfLayout(Document document) {
        this.document = document;
    }

    /** A size, a weight and a colour (none: the reader's default, black) of the programme's typeface. */
    private record Style(float size, boolean bold, Color colour) {

        /** The text, each part of it in the font that draws it, with the leading OpenPDF gives a font's text. */
        Phrase phrase(String text) {
            return drawn(new Phrase(1.5f * size), text);
        }

        Paragraph paragraph(String text) {
            return drawn(new Paragraph(1.5f * size), text);
        }

        /**
         * Each run a chunk of its own: {@code Phrase.add(Element)} joins a chunk to the one before it in the same
         * font, and a run written right to left would be laid out with its neighbour, in one direction.
         */
        private <T extends Phrase> T drawn(T phrase, String text) {
            DocumentFonts.runs(text, bold).forEach(run -> phrase.add(phrase.size(), new Chunk(run.text(),
                    new Font(run.font(), size, Font.NORMAL, colour))));
            return phrase;
        }
    }

    /** A count as its reader writes it: "12 345" in French (a narrow no-break space), "12,345" in English. */
    public static String count(long count, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /**
     * Lays out a document on A4 (landscape for wide tables) and answers its bytes, with {@code seal} in its
     * document information ({@link DocumentSeal}).
     */
    static byte[] render(boolean landscape, String seal, Consumer<PdfLayout> content) {
        var bytes = new ByteArrayOutputStream();
        var document = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(document, bytes);
        document.addHeader(DocumentSeal.ENTRY, seal);
        document.open();
        content.accept(new PdfLayout(document));
        document.close();
        return bytes.toByteArray();
    }

    public PdfLayout title(String text) {
        return add(TITLE.paragraph(text));
    }

    public PdfLayout heading(String text) {
        Paragraph heading = HEADING.paragraph(text);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        return add(heading);
    }

    public PdfLayout text(String text) {
        return add(TEXT.paragraph(text));
    }

    public PdfLayout small(String text) {
        return add(SMALL.paragraph(text));
    }

    /** A row of key figures, each a big number over its label. */
    public PdfLayout figures(List<String> labels, List<String> values) {
        PdfPTable table = new PdfPTable(labels.size());
        table.setWidthPercentage(100);
        for (int i = 0; i < labels.size(); i++) {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(0);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            Paragraph figure = FIGURE.paragraph(values.get(i));
            figure.setAlignment(Element.ALIGN_CENTER);
            Paragraph label = SMALL.paragraph(labels.get(i));
            label.setAlignment(Element.ALIGN_CENTER);
            cell.addElement(figure);
            cell.addElement(label);
            table.addCell(cell);
        }
        table.setSpacingBefore(6);
        return add(table);
    }

    /** A table with a header row and columns of equal width. */
    public PdfLayout table(List<String> header, List<List<String>> rows) {
        float[] equal = new float[header.size()];
        Arrays.fill(equal, 1);
        return table(header, rows, equal);
    }

    /**
     * A table as {@link #table(List, List, float...)} (of equal columns when no width is given), or, with no row,
     * the words that say so: never a bare header.
     */
    public PdfLayout tableOr(String none, List<String> header, List<List<String>> rows, float... widths) {
        if (rows.isEmpty()) {
            return text(none);
        }
        return widths.length == 0 ? table(header, rows) : table(header, rows, widths);
    }

    /** A table with a header row and columns of the given relative widths. */
    public PdfLayout table(List<String> header, List<List<String>> rows, float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String column : header) {
            PdfPCell cell = new PdfPCell(TABLE_HEADER.phrase(column));
            cell.setBackgroundColor(PROGRAMME_GREEN);
            table.addCell(cell);
        }
        for (List<String> row : rows) {
            row.forEach(value -> table.addCell(SMALL.phrase(value == null ? "" : value)));
        }
        table.setSpacingBefore(4);
        return add(table);
    }

    /** Side by side, a box under each label for a handwritten signature (and the place and date). */
    public PdfLayout signatureBoxes(List<String> labels) {
        PdfPTable table = new PdfPTable(labels.size());
        table.setWidthPercentage(100);
        labels.forEach(label -> {
            PdfPCell cell = new PdfPCell(TEXT.phrase(label));
            cell.setFixedHeight(90);
            table.addCell(cell);
        });
        table.setSpacingBefore(12);
        return add(table);
    }

    private PdfLayout add(Element element) {
        document.add(element);
        return this;
    }
}
