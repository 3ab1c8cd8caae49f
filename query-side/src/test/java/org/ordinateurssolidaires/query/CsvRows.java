package org.ordinateurssolidaires.query;

import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.util.List;
import java.util.Map;

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

    /** Whether a spreadsheet would take the cell for a formula (OWASP's list of first characters). */
    public static boolean startsLikeAFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r\n".indexOf(cell.charAt(0)) >= 0;
    }
}
