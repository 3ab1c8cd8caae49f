package org.ordinateurssolidaires.query.web;

import org.springframework.context.MessageSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every CSV the query side produces, for staff and donors who open it in a spreadsheet. The API's are written for
 * programs and any spreadsheet: comma-separated, a header of the rows' property names. A page's download is written
 * for the spreadsheet the programme's staff open it in, French Excel: its cells separated by semicolons (its list
 * separator, the comma being its decimal mark) and its bytes marked as UTF-8 by a byte-order mark (without one, it
 * reads them as Windows-1252 and shows "rayÃ©"); its header in the reader's language. A spreadsheet runs a
 * cell beginning with {@code = + - @}, a tab or a line break as a formula, so every text cell beginning so is
 * prefixed with a single quote, as OWASP's "CSV Injection" advises; quoting (a cell holding the separator, a
 * quote or a line break is wrapped in double quotes, its quotes doubled) is Jackson's, applied after. Only text
 * is neutralised: numbers, instants, ids and enum constants the app writes itself are left as they are, so a
 * computed negative figure stays a number.
 */
public final class SpreadsheetCsv {

    private static final String FORMULA_TRIGGERS = "=+-@\t\r\n";
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char SPREADSHEET_SEPARATOR = ';';
    // the columns in the row type's declared order, instants as ISO-8601 text: said here, not left to defaults
    private static final CsvMapper CSV = CsvMapper.builder()
                                                  .addModule(new SimpleModule("spreadsheet-safe-text")
                                                          .addSerializer(String.class, new NeutralisedText())
                                                          .addSerializer(Enum.class,
                                                                  new InWords<>(Enum.class, Enum::name, Words::said))
                                                          .addSerializer(Instant.class,
                                                                  new InWords<>(Instant.class, Instant::toString,
                                                                          Words::said)))
                                                  .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                                                  .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                  .build();

    private SpreadsheetCsv() {
    }

    /**
     * How a page's download says its cells to a person: each column's title by its property's name, a constant (a
     * state, a category) in words, a moment in the programme's time zone as the reader's spreadsheet reads one. The
     * API's files say them as the API does: the constant's name, the instant in ISO 8601.
     */
    public record Words(UnaryOperator<String> titles, Function<Enum<?>, String> constants,
                        DateTimeFormatter moments) {

        /** What the pages call each constant's type in their messages ({@code state.READY}). */
        private static final Map<String, String> MESSAGES = Map.of("DeviceState", "state", "DeviceCategory",
                "category", "QualityGrade", "grade", "MediaType", "mediaType", "SanitisationLevel", "level",
                "SanitisationTechnique", "technique", "VerificationMethod", "verification", "Outcome", "outcome");

        String said(Enum<?> constant) {
            return constants.apply(constant);
        }

        String said(Instant moment) {
            return moments.format(moment);
        }

        /**
         * The pages' own words in {@code locale}: the titles {@code column.*}, the constants as the pages say them, the
         * moments as {@link PageDates#forASpreadsheet} writes them.
         */
        public static Words of(MessageSource words, Locale locale, PageDates dates) {
            return new Words(column -> words.getMessage("column." + column, null, locale),
                    constant -> words.getMessage(MESSAGES.getOrDefault(constant.getDeclaringClass().getSimpleName(),
                            "") + "." + constant.name(), null, constant.name(), locale),
                    dates.forASpreadsheet(locale));
        }
    }

    /** The rows with a header line, one column per property of {@code type}, in its declared order. */
    public static <T> String write(Class<T> type, List<T> rows) {
        return CSV.writer(CSV.schemaFor(type).withHeader()).writeValueAsString(rows);
    }

    /**
     * A page's download, row after row as they are written, for more rows than are worth holding at once: the
     * byte-order mark and the header line, each of {@code type}'s properties under its title, then one line
     * per value written, sent as the buffer fills. Closing the writer sends what is left but leaves {@code out} open:
     * a writer not closed because the rows failed never finishes the file as if it were whole.
     */
    public static SequenceWriter forSpreadsheet(Class<?> type, Words words, OutputStream out) throws IOException {
        CsvSchema columns = CSV.schemaFor(type).withColumnSeparator(SPREADSHEET_SEPARATOR);
        // written in memory first: Jackson flushes what it closes, which would send the response's first bytes
        var header = new ByteArrayOutputStream();
        header.writeBytes(BYTE_ORDER_MARK);
        spreadsheetLines().writeValue(header, columns.getColumnNames().stream().map(words.titles())
                                                     .toArray(String[]::new));
        out.write(header.toByteArray());
        return CSV.writer(columns.withoutHeader())
                  .withAttribute(Words.class, words)
                  .with(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
                  .without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                  .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                  .writeValues(out);
    }

    /** A page's download of rows held at once, as {@link #forSpreadsheet(Class, Words, OutputStream)}. */
    public static <T> byte[] forSpreadsheet(Class<T> type, Words words, List<T> rows) {
        var file = new ByteArrayOutputStream();
        try (SequenceWriter lines = forSpreadsheet(type, words, file)) {
            lines.writeAll(rows);
        } catch (IOException notInMemory) {
            throw new UncheckedIOException(notInMemory);
        }
        return file.toByteArray();
    }

    /** A file written for programs (commas, no byte-order mark) as a page's download: the same lines and cells. */
    public static byte[] forSpreadsheet(String csv) {
        List<String[]> lines = CSV.readerFor(String[].class).with(CsvReadFeature.WRAP_AS_ARRAY)
                                  .<String[]>readValues(csv).readAll();
        var file = new ByteArrayOutputStream();
        file.writeBytes(BYTE_ORDER_MARK);
        spreadsheetLines().writeValues(file).writeAll(lines).close();
        return file.toByteArray();
    }

    /** Lines of cells between semicolons, only those that must be quoted so: Jackson's loose check quotes more. */
    private static ObjectWriter spreadsheetLines() {
        return CSV.writer(CsvSchema.emptySchema().withColumnSeparator(SPREADSHEET_SEPARATOR))
                  .with(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING);
    }

    /** The text as a spreadsheet will show it, never run it. */
    static String neutralise(String text) {
        return !text.isEmpty() && FORMULA_TRIGGERS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static final class NeutralisedText extends StdSerializer<String> {

        NeutralisedText() {
            super(String.class);
        }

        @Override
        public void serialize(String text, JsonGenerator generator, SerializationContext context) {
            generator.writeString(neutralise(text));
        }
    }

    /**
     * A value said in a page's download's {@link Words} (a constant in words, a moment as the reader's spreadsheet
     * reads one), and as the API says it in the API's files (a constant's name, an instant in ISO 8601).
     */
    private static final class InWords<T> extends StdSerializer<T> {

        private final Function<T, String> forPrograms;
        private final BiFunction<Words, T, String> forPeople;

        InWords(Class<T> type, Function<T, String> forPrograms, BiFunction<Words, T, String> forPeople) {
            super(type);
            this.forPrograms = forPrograms;
            this.forPeople = forPeople;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializationContext context) {
            Words words = (Words) context.getAttribute(Words.class);
            generator.writeString(words == null ? forPrograms.apply(value) : forPeople.apply(words, value));
        }
    }
}
