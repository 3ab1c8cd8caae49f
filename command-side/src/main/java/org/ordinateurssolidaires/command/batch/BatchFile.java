package org.ordinateurssolidaires.command.batch;

import org.ordinateurssolidaires.events.AcceptableText;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A donation batch as staff fill it in (template: {@code docs/donation-batch-template.csv}): one row per device,
 * its storage media in numbered columns {@code medium1_type, medium1_manufacturer, ...}, and for a device whose
 * storage the donor removed, the donor's statement ({@code storage_removal_*}). Commas, semicolons (as French
 * spreadsheets export "CSV") or tabs (their "Unicode text") separate columns.
 */
final class BatchFile {

    static final String ASSET_TAG = "asset_tag";
    static final String CATEGORY = "category";
    static final String MANUFACTURER = "manufacturer";
    static final String MODEL = "model";
    static final String SERIAL_NUMBER = "serial_number";
    static final String CONDITION_NOTES = "condition_notes";
    static final String STORAGE_REMOVAL_STATED_BY = "storage_removal_stated_by";
    static final String STORAGE_REMOVAL_STATED_ON = "storage_removal_stated_on";
    static final String STORAGE_REMOVAL_DOCUMENT = "storage_removal_document";
    static final List<String> STORAGE_REMOVAL_COLUMNS =
            List.of(STORAGE_REMOVAL_STATED_BY, STORAGE_REMOVAL_STATED_ON, STORAGE_REMOVAL_DOCUMENT);
    static final List<String> MEDIUM_FIELDS = List.of("type", "manufacturer", "model", "serial", "capacity_gb");
    static final int MAX_MEDIA = 4;
    static final int MAX_ROWS = 5000;

    private static final List<String> REQUIRED = List.of(ASSET_TAG, CATEGORY, MANUFACTURER, MODEL);
    private static final Set<String> DEVICE_COLUMNS = Set.of(ASSET_TAG, CATEGORY, MANUFACTURER, MODEL, SERIAL_NUMBER,
            CONDITION_NOTES, STORAGE_REMOVAL_STATED_BY, STORAGE_REMOVAL_STATED_ON, STORAGE_REMOVAL_DOCUMENT);
    private static final Pattern MEDIUM_COLUMN = Pattern.compile("medium([1-9])_(.+)");
    /** A header that names no column: blank, or only separators (a spreadsheet's empty first row, ",,,,"). */
    private static final Pattern NO_NAME = Pattern.compile("[\\s,;\"]*");
    /** A parameter of a Content-Type naming the charset: two of them say neither. */
    private static final Pattern CHARSET_PARAMETER = Pattern.compile("(?i);\\s*charset\\s*=");
    /** The most a batch file's header may have: every column it knows, once each. */
    private static final int MAX_COLUMNS = DEVICE_COLUMNS.size() + MAX_MEDIA * MEDIUM_FIELDS.size();
    private static final CsvMapper CSV = new CsvMapper();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** One row, by column name, with its number as a spreadsheet shows it. */
    record Row(int number, Map<String, String> values) {

        /** The value as a JSON field's is kept ({@link AcceptableText#tidied}), or null when empty or absent. */
        String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : AcceptableText.tidied(value);
        }

        static String mediumColumn(int medium, String field) {
            return "medium" + medium + "_" + field;
        }
    }

    /** A batch of 5,000 devices fits in well under this; anything larger is not a batch file. */
    static final int MAX_BYTES = 5 * 1024 * 1024;

    private BatchFile() {
    }

    /**
     * The file's text: UTF-8 when it is valid UTF-8, otherwise Windows-1252, the encoding French spreadsheets
     * export "CSV (point-virgule)" in, so that "François" is read as written rather than replaced. A file that is
     * neither — UTF-8 text with a stray byte, which would turn every accent in it into "Ã©", or a byte that
     * Windows-1252 leaves undefined — is refused, naming the line of the first byte that does not fit; and so is one
     * whose first line holds a NUL, as UTF-32 text and binary files do.
     * <p>
     * A file sent with its charset ({@code text/csv; charset=ISO-8859-15}) is read in it, as HTTP says, and refused
     * where it is not text in it, rather than guessed at: "€" in ISO-8859-15 is another byte than in Windows-1252.
     * ISO-8859-1 is read as Windows-1252 and US-ASCII as UTF-8, their supersets, as browsers and JSON read them.
     *
     * @param declared the charset its Content-Type names, or null
     */
    static String text(InputStream upload, Charset declared) throws IOException {
        String text = declared == null ? decoded(read(upload)) : asDeclared(read(upload), declared);
        if (text.lines().findFirst().orElse("").indexOf('\u0000') >= 0) {
            throw notText(); // UTF-32, or a binary file: no header holds a NUL (a cell's is named at its cell)
        }
        return text;
    }

    /**
     * The charset an upload's Content-Type names, or null when it names none (as browsers send a file). One unknown
     * to Java, or no type at all that can be read, is refused: the file could only be guessed at.
     */
    static Charset declaredCharset(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        if (CHARSET_PARAMETER.matcher(contentType).results().count() > 1) {
            throw typeUnread(); // MediaType would keep the last
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (InvalidMediaTypeException unknown) {
            throw typeUnread();
        }
    }

    private static BatchRefused typeUnread() {
        return new BatchRefused(List.of(RowProblem.of(0, "", "batch.typeUnread", "the file's Content-Type cannot be"
                + " read, or names a charset that is not known: send it as CSV UTF-8, with no charset")));
    }

    private static byte[] read(InputStream upload) throws IOException {
        byte[] file = upload.readNBytes(MAX_BYTES + 1); // never more, however large the upload
        if (file.length > MAX_BYTES) {
            throw BatchRefused.tooLarge(RowProblem.of(0, "", "batch.fileTooLarge",
                    "the file is larger than " + MAX_BYTES + " bytes", MAX_BYTES / (1024 * 1024)));
        }
        return file;
    }

    private static String decoded(byte[] file) {
        if (startsAsUtf16(file)) { // a spreadsheet's "Unicode text": its byte-order mark says which UTF-16
            try {
                return strictly(StandardCharsets.UTF_16, file);
            } catch (CharacterCodingException broken) {
                throw new BatchRefused(List.of(RowProblem.of(0, "", "batch.brokenUtf16",
                        "the file begins as UTF-16 text but is not: save it again as CSV UTF-8")));
            }
        }
        if (isOfAnotherKind(file) || looksUtf16WithoutMark(file)) {
            throw notText(); // as Windows-1252, it would be "unknown column PK\u0003\u0004..." or "\u2030PNG"
        }
        try {
            return strictly(StandardCharsets.UTF_8, file);
        } catch (CharacterCodingException notUtf8) {
            Utf8Scan scan = Utf8Scan.of(file);
            if (scan.multiByteSequences() > 0) {
                throw new BatchRefused(List.of(RowProblem.of(scan.lineOfFirstStrayByte(), "", "batch.mixedEncoding",
                        "the file is UTF-8 with bytes of another encoding in it: save it again as CSV UTF-8")));
            }
            String text = new String(file, WINDOWS_1252);
            int undefined = text.indexOf('\uFFFD');
            if (undefined >= 0) {
                throw new BatchRefused(List.of(RowProblem.of(lineOf(text, undefined), "", "batch.strayByte",
                        "the file holds a byte that is a character neither in UTF-8 nor in Windows-1252")));
            }
            return text;
        }
    }

    /**
     * Decoded in the charset declared, or refused naming the line of the first byte that is no character in it.
     * ISO-8859-1 is read as Windows-1252, so a byte neither defines (0x81) is said to be no Windows-1252 text.
     */
    private static String asDeclared(byte[] file, Charset declared) {
        if (isOfAnotherKind(file)) {
            throw notText();
        }
        Charset read = StandardCharsets.ISO_8859_1.equals(declared) ? WINDOWS_1252
                : StandardCharsets.US_ASCII.equals(declared) ? StandardCharsets.UTF_8 : declared;
        try {
            return strictly(read, file);
        } catch (CharacterCodingException notInIt) {
            // the text up to the first byte its charset replaced, for the line it is on
            String replaced = new String(file, read);
            int first = replaced.indexOf('\uFFFD');
            throw new BatchRefused(List.of(RowProblem.of(lineOf(replaced, first < 0 ? replaced.length() : first), "",
                    "batch.notAsDeclared", "the file is not " + read.name() + " text, as its Content-Type declares: "
                    + "send it as CSV UTF-8, with no charset or charset=utf-8", read.name())));
        }
    }

    private static BatchRefused notText() {
        return new BatchRefused(List.of(RowProblem.of(0, "", "batch.notText", "the file is not CSV text (a workbook, "
                + "an image, a PDF, UTF-32, or UTF-16 without its byte-order mark): save it as CSV UTF-8")));
    }

    private static boolean startsAsUtf16(byte[] file) {
        return startsWith(file, 0xFF, 0xFE) || startsWith(file, 0xFE, 0xFF);
    }

    private static String strictly(Charset encoding, byte[] file) throws CharacterCodingException {
        return encoding.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                       .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
    }

    /** By how such a file begins: a zip (.xlsx, .ods) or an OLE2 compound file (.xls), an image or a PDF. */
    private static boolean isOfAnotherKind(byte[] file) {
        return startsWith(file, 'P', 'K', 3, 4) || startsWith(file, 0xD0, 0xCF, 0x11, 0xE0)
               || startsWith(file, 0x89, 'P', 'N', 'G') || startsWith(file, 0xFF, 0xD8, 0xFF)
               || startsWith(file, 'G', 'I', 'F', '8') || startsWith(file, '%', 'P', 'D', 'F', '-');
    }

    /** A header's first two letters each beside a zero byte, as UTF-16 writes a letter of ASCII. */
    private static boolean looksUtf16WithoutMark(byte[] file) {
        return file.length >= 4 && (file[0] != 0 && file[1] == 0 && file[2] != 0 && file[3] == 0
                                    || file[0] == 0 && file[1] != 0 && file[2] == 0 && file[3] != 0);
    }

    private static boolean startsWith(byte[] file, int... bytes) {
        if (file.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (file[i] != (byte) bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(character -> character == '\n').count() + 1;
    }

    /** Well-formed UTF-8 sequences of two to four bytes in a file, and the line of the first byte outside one. */
    private record Utf8Scan(int multiByteSequences, int lineOfFirstStrayByte) {

        static Utf8Scan of(byte[] file) {
            int sequences = 0;
            int lines = 1;
            int firstStray = 0;
            for (int i = 0; i < file.length; ) {
                int lead = file[i] & 0xFF;
                int length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                        : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
                boolean wellFormed = length > 0 && i + length <= file.length;
                for (int next = 1; wellFormed && next < length; next++) {
                    wellFormed = (file[i + next] & 0xC0) == 0x80;
                }
                if (lead == '\n') {
                    lines++;
                }
                if (!wellFormed) {
                    firstStray = firstStray == 0 ? lines : firstStray;
                    i++;
                } else {
                    sequences += length > 1 ? 1 : 0;
                    i += length;
                }
            }
            return new Utf8Scan(sequences, firstStray);
        }
    }

    /**
     * The rows of the file, blank ones skipped, or a refusal naming what makes the file itself unreadable, and
     * every cell whose text its column's rule refuses.
     */
    static List<Row> rows(String content) {
        List<RowProblem> problems = new ArrayList<>();
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content; // Excel's byte-order mark
        if (text.isBlank()) {
            throw new BatchRefused(List.of(RowProblem.of(0, "", "batch.emptyFile", "the file is empty")));
        }
        String header = text.lines().findFirst().orElse("");
        if (NO_NAME.matcher(header).matches()) { // the parser's words: "Empty header line", or "given twice"
            throw new BatchRefused(List.of(RowProblem.of(1, "", "batch.emptyHeader", "the first line is empty: it"
                    + " holds the columns' names (asset_tag, category...), as the template's does")));
        }
        char separator = separator(header);
        int columns = header.split(Pattern.quote(String.valueOf(separator)), -1).length;
        if (columns > MAX_COLUMNS) { // not a batch file: its parser's own limit would speak of its internals
            throw new BatchRefused(List.of(RowProblem.of(1, "", "batch.tooManyColumns", "the header has " + columns
                    + " columns: a batch file has at most " + MAX_COLUMNS, MAX_COLUMNS)));
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        List<Row> rows = new ArrayList<>();
        int reading = 2; // the row the parser is at, as a spreadsheet numbers it (the header is row 1)
        try (MappingIterator<Map<String, String>> reader = CSV.readerForMapOf(String.class).with(schema).readValues(text)) {
            boolean more = reader.hasNext(); // reads the header, too
            checkColumns(headerColumns(reader), problems);
            int number = 1;
            while (more && rows.size() <= MAX_ROWS) {
                number++;
                reading = number;
                Map<String, String> values = reader.next();
                int row = number;
                values.forEach((column, value) -> textRule(column).problem(value) // a cell's text enters events
                        .ifPresent(problem -> problems.add(RowProblem.of(row, column,
                                textRule(column).ruleBroken(value), problem))));
                if (values.values().stream().anyMatch(value -> value != null && !value.isBlank())) {
                    rows.add(new Row(number, values)); // spreadsheets append empty rows: they are no device
                }
                reading = number + 1; // the next row is read ahead, a blank one too
                more = reader.hasNext();
            }
        } catch (RuntimeException unreadable) {
            // Jackson reports a broken quote or an oversized cell as an (unchecked) JacksonException
            problems.add(unreadable(reading, rootMessage(unreadable)));
        }
        if (rows.size() > MAX_ROWS) {
            problems.add(RowProblem.of(0, "", "batch.tooManyRows", "a batch holds at most " + MAX_ROWS + " devices",
                    MAX_ROWS));
        } else if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(RowProblem.of(0, "", "batch.noDevice", "the file holds no device"));
        }
        if (!problems.isEmpty()) {
            throw new BatchRefused(problems);
        }
        return rows;
    }

    /** The header's own: a comma, unless it has none and semicolons (French "CSV") or tabs ("Unicode text"). */
    private static char separator(String header) {
        if (header.contains(",")) {
            return ',';
        }
        return header.contains(";") ? ';' : header.contains("\t") ? '\t' : ',';
    }

    private static List<String> headerColumns(MappingIterator<Map<String, String>> reader) {
        CsvSchema read = (CsvSchema) reader.parserSchema();
        List<String> columns = new ArrayList<>();
        read.forEach(column -> columns.add(column.getName()));
        return columns;
    }

    /**
     * A row the parser gave up on, in the programme's words for the mistakes spreadsheets and hand edits make; the
     * parser's own words, English and technical, stay in the API's message only when the mistake is none of them.
     */
    private static RowProblem unreadable(int row, String parserSays) {
        if (parserSays.startsWith("Missing closing quote")) {
            return RowProblem.of(row, "", "batch.unclosedQuote", "unreadable CSV: a quote is opened and never closed");
        }
        if (parserSays.startsWith("Too many entries")) {
            return RowProblem.of(row, "", "batch.tooManyCells", "unreadable CSV: the row has more cells than the "
                    + "header has columns (a cell holding the separator must be quoted)");
        }
        if (parserSays.startsWith("Unexpected character")) {
            return RowProblem.of(row, "", "batch.textAfterQuote", "unreadable CSV: a quoted cell is followed by text "
                    + "(a quote inside a cell is written twice: \"\")");
        }
        return RowProblem.of(row, "", "batch.unreadable", "unreadable CSV: " + parserSays.lines().findFirst().orElse(""));
    }

    private static String rootMessage(Exception failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void checkColumns(List<String> columns, List<RowProblem> problems) {
        Set<String> seen = new HashSet<>();
        columns.stream().filter(column -> !seen.add(column))
               .forEach(twice -> problems.add(RowProblem.of(1, twice, "batch.columnTwice", "column given twice")));
        REQUIRED.stream().filter(required -> !columns.contains(required))
                .forEach(missing -> problems.add(RowProblem.of(1, missing, "batch.missingColumn", "missing column")));
        for (String column : columns) {
            Matcher medium = MEDIUM_COLUMN.matcher(column);
            boolean known = DEVICE_COLUMNS.contains(column) || (medium.matches()
                    && Integer.parseInt(medium.group(1)) <= MAX_MEDIA && MEDIUM_FIELDS.contains(medium.group(2)));
            if (!known) {
                problems.add(RowProblem.of(1, column, "batch.unknownColumn", "unknown column"));
            }
        }
    }

    /** The condition notes may run over several lines, like the API's; every other cell is one line. */
    private static AcceptableText textRule(String column) {
        return CONDITION_NOTES.equals(column) ? AcceptableText.MULTI_LINE : AcceptableText.ONE_LINE;
    }
}
