package org.ordinateurssolidaires.command.batch;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.EndlessUpload;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a batch file's bytes become text. */
class BatchFileTest {

    @Test
    void stopsReadingAnUploadJustPastTheLargestBatchFile() {
        var upload = new EndlessUpload('a');

        assertThatThrownBy(() -> BatchFile.text(upload)).isInstanceOf(BatchRefused.class)
                .extracting(refused -> ((BatchRefused) refused).problems().get(0).message())
                .asString().contains("larger than " + BatchFile.MAX_BYTES);
        assertThat(upload.bytesRead()).isEqualTo(BatchFile.MAX_BYTES + 1L);
    }

    @Test
    void readsWindows1252WhenTheFileIsNotUtf8() throws Exception {
        byte[] exported = "François".getBytes(Charset.forName("windows-1252"));

        assertThat(BatchFile.text(new ByteArrayInputStream(exported))).isEqualTo("François");
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
                .extracting(refused -> ((BatchRefused) refused).problems()).asList().containsExactly(
                        new RowProblem(2, "manufacturer", "must not contain U+0000 (a control character), found at character 5"),
                        new RowProblem(3, "model", "must not contain U+001B (a control character), found at character 4"),
                        new RowProblem(4, "condition_notes", "must be at most 2000 characters long"),
                        new RowProblem(5, "asset_tag", "must not contain U+0001 (a control character), found at character 5"),
                        new RowProblem(6, "model", "must not contain U+000A (a control character), found at character 9"));
    }
}
