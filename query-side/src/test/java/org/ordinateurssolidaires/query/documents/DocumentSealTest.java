package org.ordinateurssolidaires.query.documents;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.PredefinedMacParameters;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A document's seal vouches for every byte of it, needs nothing stored, and outlives a rotation of the keyset; a copy
 * with another seal, no seal, or a changed byte anywhere is none of the programme's.
 */
class DocumentSealTest {

    private static final String FACTS = "v1 kind=donor-report document=0c6b7f6e-1b6e-4d3c-9a52-6a1b2c3d4e5f donor=-"
                                        + " issued=2026-11-30T10:00:00Z";

    private final String keyset = DocumentSeal.newKeyset();
    private final DocumentSeal seal = new DocumentSeal(keyset);

    @Test
    void aSealedDocumentIsAValidPdfThatVouchesForEachOfItsBytes() {
        byte[] sealed = seal.seal(document());

        assertThat(new String(sealed, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(seal.factsOf(sealed)).contains(FACTS);
        assertThat(new DocumentSeal(keyset).factsOf(sealed)).as("nothing but the keyset is needed").contains(FACTS);
        for (int at = 0; at < sealed.length; at += 97) {
            byte[] altered = sealed.clone();
            altered[at] ^= 1;
            assertThat(seal.factsOf(altered)).as("byte %d changed", at).isEmpty();
        }
        byte[] longer = new byte[sealed.length + 1];
        System.arraycopy(sealed, 0, longer, 0, sealed.length);
        assertThat(seal.factsOf(longer)).as("a byte added").isEmpty();
    }

    @Test
    void aDocumentSealedUnderAnotherKeysetOrNotSealedIsNotOurs() {
        byte[] sealedElsewhere = new DocumentSeal(DocumentSeal.newKeyset()).seal(document());

        assertThat(seal.factsOf(sealedElsewhere)).isEmpty();
        assertThat(seal.factsOf(document())).as("the empty slot").isEmpty();
        assertThat(seal.factsOf(PdfLayout.render(false, "", page -> page.text("no slot")))).isEmpty();
        assertThat(seal.factsOf("%PDF-1.4 not a document at all".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void aCopyWithTwoSealsIsNotOurs() {
        byte[] sealed = seal.seal(document());
        var twice = new ByteArrayOutputStream();
        twice.writeBytes(sealed);
        twice.writeBytes(sealed);

        assertThat(seal.factsOf(twice.toByteArray())).isEmpty();
    }

    @Test
    void documentsSealedBeforeARotationStayGenuineWhileTheOldKeyIsKept() throws Exception {
        byte[] sealedBefore = seal.seal(document());
        String rotated = TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.newBuilder(
                        TinkJsonProtoKeysetFormat.parseKeyset(keyset, RegistryConfiguration.get(),
                                InsecureSecretKeyAccess.get()))
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedMacParameters.HMAC_SHA256_256BITTAG)
                        .withRandomId().makePrimary())
                .build(), RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
        DocumentSeal afterTheRotation = new DocumentSeal(rotated);

        byte[] sealedAfter = afterTheRotation.seal(document());

        assertThat(afterTheRotation.factsOf(sealedBefore)).contains(FACTS);
        assertThat(afterTheRotation.factsOf(sealedAfter)).contains(FACTS);
        assertThat(seal.factsOf(sealedAfter)).as("sealed under the new key, which the old keyset lacks").isEmpty();
    }

    @Test
    void refusesToSealADocumentWithoutItsSlot() {
        assertThatThrownBy(() -> seal.seal(PdfLayout.render(false, "", page -> page.text("no slot"))))
                .isInstanceOf(IllegalStateException.class);
    }

    private static byte[] document() {
        return PdfLayout.render(false, DocumentSeal.unsealed(FACTS), page -> page.title("Rapport au donateur")
                                                                               .text("Ordinateurs solidaires"));
    }
}
