package org.ordinateurssolidaires.query.documents;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.PdfText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents print every name exactly as it was recorded, whatever its script: what their fonts cannot draw is
 * shown by its code point, never dropped.
 */
class PdfLayoutTest {

    private static final String DONOR = "Association Łódź Ștefan Nguyễn Dvořák — Ωmega Борис";

    @Test
    void printsNamesBeyondWesternEuropeExactlyInEveryPartOfADocument() throws IOException {
        byte[] pdf = PdfLayout.render(true, "", page -> page.title(DONOR).heading(DONOR).text(DONOR).small(DONOR)
                .figures(List.of("Ωmega"), List.of("Łódź"))
                .table(List.of("Dvořák"), List.of(List.of("Ștefan"), List.of("Nguyễn")))
                .signatureBoxes(List.of("Борис")));

        String text = PdfText.of(pdf);

        assertThat(text.split(Pattern.quote(DONOR), -1)).as("the title, heading, text and small print").hasSize(5);
        assertThat(text).contains("Ωmega", "Łódź", "Dvořák", "Ștefan", "Nguyễn", "Борис");
    }

    @Test
    void drawsScriptsTheMainFontLacksWithTheFallbackAndComposesAccentsStoredApart() throws IOException {
        String text = PdfText.of(PdfLayout.render(false, "", page -> page
                .text("Թբիլիսի თბილისი Қазақстан ✓")
                .text("Nguye\u0302\u0303n")));

        assertThat(text).contains("Թբիլիսի თბილისი Қазақстан ✓", "Nguyễn");
    }

    /** The audit's events checked were printed as digits run together (996883). */
    @Test
    void printsACountAsItsReaderWritesIt() throws IOException {
        String text = PdfText.of(PdfLayout.render(false, "", page -> page.figures(List.of("événements", "events"),
                List.of(PdfLayout.count(996_883, Locale.FRENCH), PdfLayout.count(996_883, Locale.ENGLISH)))));
        // the text read back puts a word's space before the narrow one, which is a space of its own to PDFBox
        assertThat(text.replace(" \u202F", "\u202F")).contains("996\u202F883", "996,883");
    }

    /**
     * Neither font draws Chinese or this emoji; DejaVu's glyph for a private use character is its own. They are
     * shown by their code points, wherever they are, in a text written right to left too.
     */
    @Test
    void showsWhatNoFontDrawsByItsCodePoints() throws IOException {
        String text = PdfText.of(PdfLayout.render(false, "", page -> page.text("Signé : 王, ravi 👍 \uF6C5")
                .table(List.of("Signataire"), List.of(List.of("王"))).text("שלום 👍 עולם")));

        assertThat(text).contains("Signé : [U+738B], ravi [U+1F44D] [U+F6C5]");
        assertThat(text).as("between letters written right to left, as written").contains("[U+1F44D]")
                        .doesNotContain("[D44F1+U]");
        assertThat(text.split(Pattern.quote("[U+738B]"), -1)).as("in the text and in the table").hasSize(3);
    }

    /**
     * A name written right to left is drawn right to left, its Arabic letters joined: the text read back from the
     * page comes in the order it is drawn, from left to right, each letter in the form it takes where it stands (the
     * final, medial, medial and initial forms of محمد, in Unicode's presentation forms; a letter in its own form is
     * read back as itself), a bracket mirrored, a number left to right.
     */
    @Test
    void drawsArabicAndHebrewRightToLeftWithTheirLettersJoined() throws IOException {
        String text = PdfText.of(PdfLayout.render(false, "", page -> page.text("Signé : محمد علي, ravi")
                .text("Famille שלום (כהן)").table(List.of("Adresse"), List.of(List.of("شارع 12")))));

        assertThat(text).contains("Signé : \uFEF2\uFEE0\uFECB \uFEAA\uFEE4\uFEA4\uFEE3, ravi")
                        .contains("Famille (ןהכ) םולש")
                        .contains("12 \u0639\u0631\uFE8E\uFEB7")
                        .doesNotContain("[U+");
    }

    /** An empty text (a table's cell with no value) is drawn as nothing. */
    @Test
    void drawsAnEmptyTextAsNothing() throws IOException {
        String text = PdfText.of(PdfLayout.render(false, "", page -> page.text("")
                .table(List.of("Nom", "Remarque"), List.of(Arrays.asList("Łódź", null)))));

        assertThat(text).contains("Łódź");
    }

    /** Only the glyphs a document uses are embedded: DejaVu Sans alone is 740 KB. */
    @Test
    void embedsSubsetsOfItsFontsOnly() throws IOException {
        byte[] pdf = PdfLayout.render(false, "", page -> page.title(DONOR).text(DONOR + " Թբիլիսի ✓"));

        List<String> fonts = new ArrayList<>();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfDictionary resources = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
            for (PdfName name : resources.getKeys()) {
                PdfDictionary font = resources.getAsDict(name);
                PdfDictionary descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
                assertThat(descendant.getAsDict(PdfName.FONTDESCRIPTOR).get(PdfName.FONTFILE2)).as("embedded")
                                                                                              .isNotNull();
                fonts.add(font.getAsName(PdfName.BASEFONT).toString());
            }
        }
        assertThat(fonts).hasSize(3).allMatch(font -> font.matches("/[A-Z]{6}\\+.+"), "a subset's name")
                         .anyMatch(font -> font.endsWith("+LiberationSans-Bold"))
                         .anyMatch(font -> font.endsWith("+LiberationSans"))
                         .anyMatch(font -> font.endsWith("+DejaVuSans"));
        assertThat(pdf.length).isLessThan(80_000);
    }
}
