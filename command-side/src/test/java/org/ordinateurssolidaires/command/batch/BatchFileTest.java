package org.ordinateurssolidaires.command.batch;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.EndlessUpload;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a batch file's bytes become text. */
class BatchFileTest {

    @Test
    void stopsReadingAnUploadJustPastTheLargestBatchFile() {
        var upload = new EndlessUpload('a');

        assertThatThrownBy(() -> BatchFile.text(upload, null)).isInstanceOf(BatchRefused.class)
                .extracting(refused -> ((BatchRefused) refused).problems().get(0).message())
                .asString().contains("larger than " + BatchFile.MAX_BYTES);
        assertThat(upload.bytesRead()).isEqualTo(BatchFile.MAX_BYTES + 1L);
    }

    /** One stray byte must not turn every accent of a UTF-8 file into "Ã©", silently. */
    @Test
    void refusesUtf8WithAStrayByteNamingItsLine() {
        byte[] mixed = concat("asset_tag,manufacturer\nOS-1,Société Générale\n".getBytes(StandardCharsets.UTF_8),
                new byte[]{'O', 'S', '-', '2', ',', (byte) 0xC0, (byte) 0x80, '\n'});

        assertThatThrownBy(() -> BatchFile.text(new ByteArrayInputStream(mixed), null))
                .isInstanceOf(BatchRefused.class)
                .extracting(refused -> ((BatchRefused) refused).problems(), InstanceOfAssertFactories.LIST)
                .containsExactly(RowProblem.of(3, "", "batch.mixedEncoding", "the file is UTF-8 with bytes of another encoding in it: "
                        + "save it again as CSV UTF-8"));
    }

    @Test
    void refusesAByteThatIsACharacterInNeitherEncoding() {
        byte[] undefined = {'O', 'S', '-', '1', '\n', 'D', 'e', (byte) 0x81, 'l', 'l', '\n'};

        assertThatThrownBy(() -> BatchFile.text(new ByteArrayInputStream(undefined), null))
                .isInstanceOf(BatchRefused.class)
                .extracting(refused -> ((BatchRefused) refused).problems(), InstanceOfAssertFactories.LIST)
                .containsExactly(RowProblem.of(2, "", "batch.strayByte", "the file holds a byte that is a character neither in UTF-8 "
                        + "nor in Windows-1252"));
    }

    /** The mistakes hand edits make are named in the programme's words, not the CSV parser's. */
    @Test
    void namesTheUsualMistakesThatMakeARowUnreadable() {
        String header = "asset_tag,category,manufacturer,model\n";

        assertThat(unreadable(header + "OS-1,LAPTOP,\"Dell,Latitude\n")).isEqualTo("2 batch.unclosedQuote");
        assertThat(unreadable(header + "OS-1,LAPTOP,Dell,Latitude,5490\n")).isEqualTo("2 batch.tooManyCells");
        assertThat(unreadable(header + "OS-1,LAPTOP,\"Dell\" Inc,Latitude\n")).isEqualTo("2 batch.textAfterQuote");
        assertThatThrownBy(() -> BatchFile.rows(header + "OS-1,LAPTOP,Dell,Latitude,5490\n"))
                .extracting(refused -> ((BatchRefused) refused).problems().get(0).message()).asString()
                .isEqualTo("unreadable CSV: the row has more cells than the header has columns (a cell holding the "
                        + "separator must be quoted)");
    }

    /** Blank rows (a spreadsheet's, or a file's gaps) count in the numbers a spreadsheet shows, as in every check. */
    @Test
    void numbersAnUnreadableRowAsTheSpreadsheetShowsItAfterBlankRows() {
        String header = "asset_tag,category,manufacturer,model\n";
        String before = "OS-1,LAPTOP,Dell,Latitude\n,,,\n\n,,,\n";

        assertThat(unreadable(header + before + "OS-2,LAPTOP,\"Dell,Latitude\n")).isEqualTo("6 batch.unclosedQuote");
        assertThat(unreadable(header + before + "OS-2,LAPTOP,Dell,Latitude,5490\n")).isEqualTo("6 batch.tooManyCells");
        assertThat(unreadable("asset_tag,category,manufacturer,model,condition_notes\n"
                              + "OS-1,LAPTOP,Dell,Latitude,\"scratched\nlid\"\n,,,,\nOS-2,LAPTOP,Dell,Latitude,x,5490\n"))
                .as("a quoted cell over two lines is one row").isEqualTo("4 batch.tooManyCells");
    }

    private static String unreadable(String file) {
        try {
            BatchFile.rows(file);
            throw new AssertionError("read: " + file);
        } catch (BatchRefused refused) {
            RowProblem problem = refused.problems().get(0);
            return problem.row() + " " + problem.code();
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void readsWindows1252WhenTheFileIsNotUtf8() throws Exception {
        byte[] exported = "François".getBytes(Charset.forName("windows-1252"));

        assertThat(BatchFile.text(new ByteArrayInputStream(exported), null)).isEqualTo("François");
    }

    /**
     * A charset sent with the file is the one it is read in: guessed, the "€" of ISO-8859-15 (0xA4) would be read
     * as Windows-1252's "¤", and Shift_JIS text as Windows-1252 letters. ISO-8859-1 is read as Windows-1252.
     */
    @Test
    void readsAFileInTheCharsetItsTypeDeclares() throws Exception {
        String text = "asset_tag,manufacturer\nOS-1,Société 5 € ワ\n";
        for (String charset : List.of("ISO-8859-15", "Shift_JIS", "UTF-16LE", "UTF-8", "windows-1252")) {
            Charset declared = BatchFile.declaredCharset("text/csv; charset=" + charset);
            String readable = new String(text.getBytes(declared), declared); // what the charset can write of it
            assertThat(BatchFile.text(new ByteArrayInputStream(readable.getBytes(declared)), declared)).as(charset)
                    .isEqualTo(readable).contains("Soci");
        }
        byte[] windows1252 = "5 € œ".getBytes(Charset.forName("windows-1252"));
        assertThat(BatchFile.text(new ByteArrayInputStream(windows1252), StandardCharsets.ISO_8859_1))
                .isEqualTo("5 € œ");
        assertThat(BatchFile.declaredCharset("text/csv")).isNull();
        assertThat(BatchFile.declaredCharset(null)).isNull();
    }

    /** Bytes that are no text in the charset declared are named by their line, not read in another. */
    @Test
    void refusesAFileThatIsNotTextInTheCharsetItsTypeDeclares() {
        byte[] latin1 = "asset_tag\nOS-1\nSociété\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BatchFile.text(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8))
                .isInstanceOf(BatchRefused.class)
                .extracting(refused -> ((BatchRefused) refused).problems(), InstanceOfAssertFactories.LIST)
                .containsExactly(RowProblem.of(3, "", "batch.notAsDeclared", "the file is not UTF-8 text, as its "
                        + "Content-Type declares: send it as CSV UTF-8, with no charset or charset=utf-8", "UTF-8"));
        byte[] undefined = {'O', 'S', '-', '1', '\n', (byte) 0x81};
        assertThatThrownBy(() -> BatchFile.text(new ByteArrayInputStream(undefined), StandardCharsets.ISO_8859_1))
                .extracting(refused -> ((BatchRefused) refused).problems().get(0).code())
                .isEqualTo("batch.notAsDeclared");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        assertThatThrownBy(() -> BatchFile.text(new ByteArrayInputStream(png), StandardCharsets.ISO_8859_1))
                .extracting(refused -> ((BatchRefused) refused).problems().get(0).code())
                .isEqualTo("batch.notText");
        for (String unread : List.of("text/csv; charset=x-no-such-charset", "text/csv; charset=\"", "text/",
                "text/csv; charset=iso-8859-1; Charset=utf-8")) {
            assertThatThrownBy(() -> BatchFile.declaredCharset(unread)).as(unread)
                    .extracting(refused -> ((BatchRefused) refused).problems().get(0).code())
                    .isEqualTo("batch.typeUnread");
        }
    }

    /** A spreadsheet's "Unicode text" export: UTF-16 with its byte-order mark, little- or big-endian, tabs between. */
    @Test
    void readsUtf16ByItsByteOrderMarkAndTabsBetweenColumns() throws Exception {
        String exported = "asset_tag\tcategory\tmanufacturer\tmodel\nOS-1\tLAPTOP\tSociété Générale\tLatitude\n";

        for (Charset utf16 : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] mark = utf16 == StandardCharsets.UTF_16LE ? new byte[]{(byte) 0xFF, (byte) 0xFE}
                    : new byte[]{(byte) 0xFE, (byte) 0xFF};
            String text = BatchFile.text(new ByteArrayInputStream(concat(mark, exported.getBytes(utf16))), null);
            assertThat(BatchFile.rows(text)).singleElement().satisfies(row -> {
                assertThat(row.get(BatchFile.MANUFACTURER)).isEqualTo("Société Générale");
                assertThat(row.get(BatchFile.MODEL)).isEqualTo("Latitude");
            });
        }
    }

    /** A cell as a JSON field is kept: "Société" with its accents typed apart (NFD) is the "Société" others type. */
    @Test
    void readsACellWithoutTheSpacesAroundItAndComposed() {
        String file = "asset_tag,category,manufacturer,model\n"
                      + "OS-1,LAPTOP, Socie\u0301te\u0301 Ge\u0301ne\u0301rale ,T480\n";
        assertThat(BatchFile.rows(file)).singleElement().satisfies(row ->
                assertThat(row.get(BatchFile.MANUFACTURER)).isEqualTo("Soci\u00E9t\u00E9 G\u00E9n\u00E9rale"));
    }

    /**
     * Read as Windows-1252, these would be "unknown column PK...", "ÿþa..." or "‰PNG": the file itself is named
     * instead.
     */
    @Test
    void refusesAWorkbookAnImageOrUtf16WithoutItsMarkOrBrokenAsNoCsvText() {
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0};
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, '\r', 'I', 'H', 'D', 'R'};
        byte[] pdf = "%PDF-1.7\n%\u00E2\u00E3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        byte[] unmarked = "asset_tag,category\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] unmarkedBigEndian = "asset_tag,category\n".getBytes(StandardCharsets.UTF_16BE);

        for (byte[] file : List.of(xlsx, png, pdf, xls, unmarked, unmarkedBigEndian)) {
            assertThat(refusal(file)).isEqualTo("batch.notText");
        }
        for (Charset utf32 : List.of(Charset.forName("UTF-32LE"), Charset.forName("UTF-32BE"))) { // with its mark
            assertThat(refusal(("\uFEFFasset_tag,category\n").getBytes(utf32))).as(utf32.name())
                    .isEqualTo("batch.notText");
        }
        byte[] brokenUtf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0, (byte) 0x00, (byte) 0xDC}; // a lone low surrogate
        assertThat(refusal(brokenUtf16)).isEqualTo("batch.brokenUtf16");
    }

    /** Beyond every column a batch file knows, the header is no batch file's: said once, in the programme's words. */
    @Test
    void refusesAHeaderWithMoreColumnsThanABatchFileHas() {
        String header = "asset_tag,category,manufacturer,model" + ",x".repeat(100_000);
        assertThatThrownBy(() -> BatchFile.rows(header + "\nOS-1,LAPTOP,Dell,Latitude\n"))
                .isInstanceOf(BatchRefused.class)
                .extracting(refused -> ((BatchRefused) refused).problems(), InstanceOfAssertFactories.LIST)
                .singleElement().satisfies(problem -> {
                    assertThat(((RowProblem) problem).row()).isEqualTo(1);
                    assertThat(((RowProblem) problem).code()).isEqualTo("batch.tooManyColumns");
                });
    }

    /** Found by an outside probe: the parser's own words, "Empty header line: can not bind data". */
    @Test
    void refusesAFileWhoseFirstLineIsBlankNamingIt() {
        for (String file : List.of("\nasset_tag,category,manufacturer,model\nOS-1,LAPTOP,Dell,Latitude\n",
                " \t\nasset_tag\nOS-1\n", "\uFEFF\r\nasset_tag\nOS-1\n",
                ",,,,\nasset_tag,category,manufacturer,model\nOS-1,LAPTOP,Dell,Latitude\n", "\"\";;\r\nasset_tag\nOS-1\n")) {
            assertThatThrownBy(() -> BatchFile.rows(file)).isInstanceOf(BatchRefused.class)
                    .extracting(refused -> ((BatchRefused) refused).problems(), InstanceOfAssertFactories.LIST)
                    .singleElement().satisfies(problem -> {
                        assertThat(((RowProblem) problem).row()).isEqualTo(1);
                        assertThat(((RowProblem) problem).code()).isEqualTo("batch.emptyHeader");
                    });
        }
    }

    @Test
    void refusesAnEmptyFileSayingSo() {
        for (String empty : List.of("", "\uFEFF", " \n\r\n")) {
            assertThatThrownBy(() -> BatchFile.rows(empty)).isInstanceOf(BatchRefused.class)
                    .extracting(refused -> ((BatchRefused) refused).problems(), InstanceOfAssertFactories.LIST)
                    .containsExactly(RowProblem.of(0, "", "batch.emptyFile", "the file is empty"));
        }
    }

    private static String refusal(byte[] file) {
        try {
            BatchFile.text(new ByteArrayInputStream(file), null);
            throw new AssertionError("read as text");
        } catch (BatchRefused refused) {
            return refused.problems().get(0).code();
        } catch (java.io.IOException notThrown) {
            throw new AssertionError(notThrown);
        }
    }

    @Test
    void refusesEveryCellWhoseTextCannotBeKeptNamingItsRowAndColumnLineBreaksOnlyInTheNotes() {
        String file = "asset_tag,category,manufacturer,model,condition_notes\n"
                + "OS-1,LAPTOP,Dell\u0000,Latitude,\"two lines\nof notes\"\n"
                + "OS-2,LAPTOP,Dell,Lat\u001Bitude,\n"
                + "OS-3,LAPTOP,Dell,Latitude," + "n".repeat(2001) + "\n"
                + "OS-4\u0001,LAPTOP,Dell,Latitude,\n"
                + "OS-5,LAPTOP,Dell,\"Latitude\n5490\",\n";

        assertThatThrownBy(() -> BatchFile.rows(file)).isInstanceOf(BatchRefused.class)
                .extracting(refused -> ((BatchRefused) refused).problems(), InstanceOfAssertFactories.LIST).containsExactly(
                        RowProblem.of(2, "manufacturer", "AcceptableText", "must not contain U+0000 (a control character), found at character 5"),
                        RowProblem.of(3, "model", "AcceptableText", "must not contain U+001B (a control character), found at character 4"),
                        RowProblem.of(4, "condition_notes", "Size", "must be at most 2000 characters long"),
                        RowProblem.of(5, "asset_tag", "AcceptableText", "must not contain U+0001 (a control character), found at character 5"),
                        RowProblem.of(6, "model", "AcceptableText", "must not contain U+000A (a control character), found at character 9"));
    }
}
