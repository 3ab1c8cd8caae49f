package org.ordinateurssolidaires.query.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The fingerprint of a document the programme issued before documents were sealed ({@link DocumentSeal}): read to
 * check copies of those, never written any more.
 */
@Entity
@Table(name = "issued_document")
public class IssuedDocument {

    @Id
    private String sha256;
    private UUID documentId;
    private String kind;
    private UUID donorId;
    private Instant issuedAt;

    protected IssuedDocument() {
        // for JPA
    }

    public String getSha256() {
        return sha256;
    }

    public UUID getDocumentId() {
        return documentId;
    }

    public String getKind() {
        return kind;
    }

    public UUID getDonorId() {
        return donorId;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
