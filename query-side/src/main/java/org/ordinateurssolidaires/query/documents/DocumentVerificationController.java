package org.ordinateurssolidaires.query.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordinateurssolidaires.events.Sha256;
import org.ordinateurssolidaires.web.limits.CostlyToAnswer;
import org.ordinateurssolidaires.web.security.Access;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Documents", description = "check that a report or certificate is one the programme issued, unaltered")
class DocumentVerificationController {

    /** Far above any report or certificate issued; the same bound applies to form uploads (application.yml). */
    static final int MAX_COPY_BYTES = 20 * 1024 * 1024;

    private final IssuedDocuments documents;

    DocumentVerificationController(IssuedDocuments documents) {
        this.documents = documents;
    }

    /**
     * The outcome of a check, genuine or not: either way the check itself succeeded.
     *
     * @param sha256 the fingerprint of the uploaded copy
     */
    public record Verification(boolean genuine, String sha256, String kind, UUID documentId, UUID donorId, Instant issuedAt) {
    }

    /** The same check for a browser's file upload form (field {@code file}). */
    @PostMapping(path = "/api/documents/verification", consumes = "multipart/form-data")
    @PreAuthorize(Access.ANYONE)
    @CostlyToAnswer
    @Operation(summary = "Upload a copy of an issued PDF from a form: is it genuine and unaltered?")
    Verification verifyUpload(@RequestParam("file") MultipartFile upload) throws IOException {
        return verify(upload.getInputStream());
    }

    @PostMapping(path = "/api/documents/verification", consumes = {"application/pdf", "application/octet-stream"})
    @PreAuthorize(Access.ANYONE)
    @CostlyToAnswer
    @Operation(summary = "Upload a copy of an issued PDF: is it genuine and unaltered?")
    Verification verify(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "application/pdf"), @Content(mediaType = "application/octet-stream")})
                        InputStream upload) throws IOException {
        byte[] copy = upload.readNBytes(MAX_COPY_BYTES + 1); // never more, however large the upload
        if (copy.length == 0) { // nothing was checked: no answer, genuine or not
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "the upload is empty: send the copy of the document to check");
        }
        if (copy.length > MAX_COPY_BYTES) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "a copy larger than " + MAX_COPY_BYTES + " bytes is not a document the programme issued");
        }
        String sha256 = Sha256.hex(copy);
        return documents.verify(copy)
                        .map(issued -> new Verification(true, sha256, issued.kind(), issued.documentId(),
                                issued.donorId(), issued.issuedAt()))
                        .orElseGet(() -> new Verification(false, sha256, null, null, null, null));
    }
}
