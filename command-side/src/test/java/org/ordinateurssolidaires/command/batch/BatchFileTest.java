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
}
