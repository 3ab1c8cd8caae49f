package org.ordinateurssolidaires.query.web;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.dataformat.csv.CsvMapper;

import java.io.OutputStream;
import java.util.List;

/**
 * Every CSV the query side produces, for staff and donors who open it in a spreadsheet. A spreadsheet runs a
 * cell beginning with {@code = + - @}, a tab or a line break as a formula, so every text cell beginning so is
 * prefixed with a single quote, as OWASP's "CSV Injection" advises; quoting (a cell holding the separator, a
 * quote or a line break is wrapped in double quotes, its quotes doubled) is Jackson's, applied after. Only text
 * is neutralised: numbers, instants, ids and enum constants the app writes itself are left as they are, so a
 * computed negative figure stays a number.
 */
public final class SpreadsheetCsv {

    private static final String FORMULA_TRIGGERS = "=+-@\t\r\n";
    // the columns in the row type's declared order, instants as ISO-8601 text: said here, not left to defaults
    private static final CsvMapper CSV = CsvMapper.builder()
                                                  .addModule(new SimpleModule("spreadsheet-safe-text")
                                                          .addSerializer(String.class, new NeutralisedText()))
                                                  .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                                                  .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                  .build();

    private SpreadsheetCsv() {
    }

    /** The rows with a header line, one column per property of {@code type}, in its declared order. */
    public static <T> String write(Class<T> type, List<T> rows) {
        return CSV.writer(CSV.schemaFor(type).withHeader()).writeValueAsString(rows);
    }

    /**
     * The same, row after row as they are written, for more rows than are worth holding at once: the header line,
     * then one line per value written, sent as the buffer fills. Closing the writer sends what is left but leaves
     * {@code out} open: a writer not closed because the rows failed never finishes the file as if it were whole.
     */
    public static SequenceWriter writer(Class<?> type, OutputStream out) {
        return CSV.writer(CSV.schemaFor(type).withHeader())
                  .without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                  .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                  .writeValues(out);
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
}
