package org.ordinateurssolidaires.query.documents;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.EndlessUpload;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** A copy sent for verification is read only as far as any issued document could go. */
class DocumentVerificationControllerTest {

    @Test
    void stopsReadingACopyJustPastTheLargestDocument() {
        IssuedDocuments register = mock(IssuedDocuments.class);
        var upload = new EndlessUpload('%');

        assertThatThrownBy(() -> new DocumentVerificationController(register).verify(upload))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThat(upload.bytesRead()).isEqualTo(DocumentVerificationController.MAX_COPY_BYTES + 1L);
        verifyNoInteractions(register);
    }
}
