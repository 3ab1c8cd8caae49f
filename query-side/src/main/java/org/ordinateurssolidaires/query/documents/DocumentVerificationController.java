package org.ordinateurssolidaires.query.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordinateurssolidaires.events.Sha256;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Documents", description = "check that a report or certificate is one the programme issued, unaltered")
class DocumentVerificationController {

    private final IssuedDocuments documents;

    DocumentVerificationController(IssuedDocuments documents) {
        this.documents = documents;
    }

    /**
     * The outcome of a check, genuine or not: either way the check itself succeeded.
     *
     * @param sha256 the fingerprint of the uploaded copy
     */
    record Verification(boolean genuine, String sha256, String kind, UUID documentId, UUID donorId, Instant issuedAt) {
    }

    /** The same check for a browser's file upload form (field {@code file}). */
    @PostMapping(path = "/api/documents/verification", consumes = "multipart/form-data")
    @Operation(summary = "Upload a copy of an issued PDF from a form: is it genuine and unaltered?")
    Verification verifyUpload(@RequestParam("file") MultipartFile upload) throws IOException {
        return verify(upload.getBytes());
    }

    @PostMapping(path = "/api/documents/verification", consumes = {"application/pdf", "application/octet-stream"})
    @Operation(summary = "Upload a copy of an issued PDF: is it genuine and unaltered?")
    Verification verify(@RequestBody byte[] copy) {
        String sha256 = Sha256.hex(copy);
        return documents.verify(copy)
                        .map(issued -> new Verification(true, sha256, issued.getKind(), issued.getDocumentId(),
                                issued.getDonorId(), issued.getIssuedAt()))
                        .orElseGet(() -> new Verification(false, sha256, null, null, null, null));
    }
}
