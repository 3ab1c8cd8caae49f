package org.ordinateurssolidaires.query.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.CsvRows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a spreadsheet receives: text it shows, never a formula it runs. */
class SpreadsheetCsvTest {

    @JsonPropertyOrder({"text", "figure", "at"})
    record Line(String text, long figure, Instant at) {
    }

    enum State { READY, GONE }

    @JsonPropertyOrder({"text", "state", "figure", "at"})
    record Stage(String text, State state, long figure, Instant at) {
    }

    @Test
    void prefixesEveryTextCellAFormulaCouldStartWithAQuote() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)",
                "\t=1+1", "\r=1+1", "\n=1+1")) {
            assertThat(SpreadsheetCsv.neutralise(formula)).isEqualTo("'" + formula);
        }
        for (String text : List.of("Dell", "", "a=b", "2+3", "'quoted")) {
            assertThat(SpreadsheetCsv.neutralise(text)).isEqualTo(text);
        }
    }

    @Test
    void writesCellsQuotedAsRfc4180SaysAndReadBackAsTheNeutralisedText() throws Exception {
        List<Line> lines = List.of(new Line("=HYPERLINK(\"http://x\",\"a;b\")", -12, Instant.parse("2026-03-03T09:00:00Z")),
                new Line("-2+3", 7, null), new Line("Dell, \"Latitude\"\nsecond line", 0, null));

        String csv = SpreadsheetCsv.write(Line.class, lines);

        assertThat(csv).startsWith("text,figure,at\n")
                       .contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"a;b\"\")\",-12,2026-03-03T09:00:00Z\n")
                       .contains(",7,\n")
                       .contains("\"Dell, \"\"Latitude\"\"\nsecond line\",0,\n");
        assertThat(CsvRows.of(csv)).extracting(row -> row.get("text"))
                                 .containsExactly("'=HYPERLINK(\"http://x\",\"a;b\")", "'-2+3",
                                         "Dell, \"Latitude\"\nsecond line");
    }

    @Test
    void writesAPagesDownloadForFrenchExcelInTheReadersWords() throws Exception {
        List<Stage> lines = List.of(new Stage("capot rayé; écran neuf", State.READY, -12,
                Instant.parse("2026-03-03T09:00:00Z")), new Stage("=1+1", State.GONE, 7, null));
        var words = new SpreadsheetCsv.Words(column -> "Titre de " + column,
                constant -> constant == State.READY ? "Prêt à donner" : "Parti",
                DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris")));

        byte[] file = SpreadsheetCsv.forSpreadsheet(Stage.class, words, lines);

        assertThat(new String(file, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFTitre de text;Titre de state;Titre de figure;Titre de at\n"
                           + "\"capot rayé; écran neuf\";Prêt à donner;-12;03/03/2026 10:00\n"
                           + "'=1+1;Parti;7;\n");
        assertThat(CsvRows.ofSpreadsheet(file)).extracting(row -> row.get("Titre de text"))
                                              .containsExactly("capot rayé; écran neuf", "'=1+1");
        assertThat(SpreadsheetCsv.write(Stage.class, lines)).as("the API's: names and instants as they are")
                .contains("READY,-12,2026-03-03T09:00:00Z").contains("GONE,7,");
    }

    @Test
    void rewritesAFileForProgramsAsAPagesDownloadCellForCell() {
        String forPrograms = "asset_tag,condition_notes,stated_by\nOS-1,capot rayé,\"Olivier Lambert, DSI\"\n"
                             + "OS-2,\"deux; points\",\n";

        byte[] file = SpreadsheetCsv.forSpreadsheet(forPrograms);

        assertThat(new String(file, StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFasset_tag;condition_notes;stated_by\nOS-1;capot rayé;Olivier Lambert, DSI\n"
                           + "OS-2;\"deux; points\";\n");
        assertThat(CsvRows.ofSpreadsheet(file)).isEqualTo(CsvRows.of(forPrograms));
    }
}
