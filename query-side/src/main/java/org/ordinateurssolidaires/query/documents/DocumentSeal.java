package org.ordinateurssolidaires.query.documents;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import org.ordinateurssolidaires.store.KeysetFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The programme's seal on every document it issues: an HMAC-SHA256 (Google Tink) of the whole PDF, written into the
 * PDF itself, in its document information beside what the document is ({@link IssuedDocuments.Issue#facts()}).
 * The PDF is laid out with a slot of zeros where the seal goes; the seal is computed over those bytes and then
 * written into the slot, whose length does not change, so the PDF stays valid. A copy is checked by zeroing the
 * slot again and verifying the seal over the result: any other byte changed, and it fails. Nothing is stored when a
 * document is issued, so issuing is a read, and a copy stays verifiable after any rebuild of the read models, for as
 * long as the keyset keeps the key that sealed it (ORDINATEURS_DOCUMENTS_SEAL_KEYSET, docs/security.md).
 */
@Component
public class DocumentSeal {

    /** The document information entry that holds the facts and the seal. */
    static final String ENTRY = "OrdinateursSolidairesSeal";
    /** Tink's 5-byte prefix (naming the key) and HMAC-SHA256's 32 bytes, in hex. */
    private static final int SEAL_HEX = 74;
    private static final String SLOT = "0".repeat(SEAL_HEX);
    /** The document information follows the pages; the cross-reference table after it grows by 20 bytes an object. */
    private static final int NEAR_THE_END = 1024 * 1024;
    private static final Pattern SEALED = Pattern.compile("/" + ENTRY + "\\s*\\((v1 [ -~&&[^()\\\\]]*) seal=([0-9a-f]{"
            + SEAL_HEX + "})\\)");

    static {
        try {
            MacConfig.register();
        } catch (GeneralSecurityException unavailable) {
            throw new ExceptionInInitializerError(unavailable);
        }
    }

    private final Mac mac;

    @Autowired
    DocumentSeal(@Value("${ordinateurs.documents.seal-keyset:}") String keyset,
                 @Value("${ordinateurs.documents.seal-keyset-file:}") String file) throws IOException {
        this(KeysetFiles.configured(keyset, file, "ORDINATEURS_DOCUMENTS_SEAL_KEYSET", DocumentSeal::newKeyset));
    }

    DocumentSeal(String jsonKeyset) {
        try {
            this.mac = TinkJsonProtoKeysetFormat.parseKeyset(jsonKeyset, RegistryConfiguration.get(),
                    InsecureSecretKeyAccess.get()).getPrimitive(RegistryConfiguration.get(), Mac.class);
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            throw new IllegalArgumentException("the documents' seal keyset is not a Tink keyset of MAC keys in JSON",
                    unreadable);
        }
    }

    /** A new keyset of one HMAC-SHA256 key, in Tink's JSON format. */
    public static String newKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(
                    PredefinedMacParameters.HMAC_SHA256_256BITTAG, RegistryConfiguration.get()),
                    RegistryConfiguration.get(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(unavailable);
        }
    }

    /** What a document carries before it is sealed: its facts, and the empty slot. */
    static String unsealed(String facts) {
        return facts + " seal=" + SLOT;
    }

    /** Seals a PDF laid out with {@link #unsealed}: the same bytes, the slot filled. */
    byte[] seal(byte[] pdf) {
        Slot slot = slotIn(pdf).filter(found -> found.seal().equals(SLOT))
                               .orElseThrow(() -> new IllegalStateException("the document has no seal slot near its"
                                       + " end"));
        try {
            String seal = HexFormat.of().formatHex(mac.computeMac(pdf));
            if (seal.length() != SEAL_HEX) {
                throw new IllegalStateException("the seal keyset's primary key is not Tink's HMAC-SHA256 with a"
                        + " 256-bit tag and Tink's prefix");
            }
            byte[] sealed = pdf.clone();
            System.arraycopy(seal.getBytes(StandardCharsets.US_ASCII), 0, sealed, slot.at(), SEAL_HEX);
            return sealed;
        } catch (GeneralSecurityException failed) {
            throw new IllegalStateException("could not seal the document", failed);
        }
    }

    /**
     * The facts of a copy whose seal is the programme's and covers every byte of it; nothing otherwise. The slot is
     * zeroed in the copy itself while the seal is checked, and put back: a copy can be as large as any document,
     * and is held once.
     */
    Optional<String> factsOf(byte[] copy) {
        return slotIn(copy).filter(slot -> {
            byte[] seal = HexFormat.of().parseHex(slot.seal());
            System.arraycopy(SLOT.getBytes(StandardCharsets.US_ASCII), 0, copy, slot.at(), SEAL_HEX);
            try {
                mac.verifyMac(seal, copy);
                return true;
            } catch (GeneralSecurityException notOurs) {
                return false;
            } finally {
                System.arraycopy(slot.seal().getBytes(StandardCharsets.US_ASCII), 0, copy, slot.at(), SEAL_HEX);
            }
        }).map(Slot::facts);
    }

    /** Where the seal is in the document's bytes, what it says, and the facts beside it. */
    private record Slot(int at, String seal, String facts) {
    }

    /**
     * The one seal entry near the end of a PDF, where the document information is written, after the pages: a copy
     * with none there, or two, is none of ours.
     */
    private static Optional<Slot> slotIn(byte[] pdf) {
        int from = Math.max(0, pdf.length - NEAR_THE_END);
        // ISO-8859-1 maps every byte to one char, so that positions in the text are positions in the bytes
        Matcher slot = SEALED.matcher(new String(pdf, from, pdf.length - from, StandardCharsets.ISO_8859_1));
        if (!slot.find()) {
            return Optional.empty();
        }
        Slot found = new Slot(from + slot.start(2), slot.group(2), slot.group(1));
        return slot.find() ? Optional.empty() : Optional.of(found);
    }
}
