package org.ordinateurssolidaires.query;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A CSV export read back as a spreadsheet imports it: one map per row, by column name. */
public final class CsvRows {

    private CsvRows() {
    }

    public static List<Map<String, String>> of(String csv) {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    /**
     * A page's download read back as French Excel opens it: UTF-8 behind its byte-order mark, cells between
     * semicolons; one map per row, by column title.
     */
    public static List<Map<String, String>> ofSpreadsheet(byte[] file) {
        assertThat(file).as("UTF-8's byte-order mark").startsWith(0xEF, 0xBB, 0xBF);
        String csv = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(';')).readValues(csv)) {
            return rows.readAll();
        }
    }

    /** Whether a spreadsheet would take the cell for a formula (OWASP's list of first characters). */
    public static boolean startsLikeAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r\n".indexOf(cell.charAt(0)) >= 0;
    }
}
