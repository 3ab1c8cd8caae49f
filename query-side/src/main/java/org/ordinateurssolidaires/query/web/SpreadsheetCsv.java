package org.ordinateurssolidaires.query.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
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
    private static final CsvMapper CSV = CsvMapper.builder()
                                                  .addModule(new JavaTimeModule())
                                                  .addModule(new SimpleModule("spreadsheet-safe-text")
                                                          .addSerializer(String.class, new NeutralisedText()))
                                                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                                                  .build();

    private SpreadsheetCsv() {
    }

    /** The rows with a header line, one column per property of {@code type}, in its declared order. */
    public static <T> String write(Class<T> type, List<T> rows) throws JsonProcessingException {
        return CSV.writer(CSV.schemaFor(type).withHeader()).writeValueAsString(rows);
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
        public void serialize(String text, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(neutralise(text));
        }
    }
}
