package org.ordinateurssolidaires.query.documents;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The fingerprint of a document the programme issued, so that anyone holding a copy can check it. */
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

    IssuedDocument(String sha256, UUID documentId, String kind, UUID donorId, Instant issuedAt) {
        this.sha256 = sha256;
        this.documentId = documentId;
        this.kind = kind;
        this.donorId = donorId;
        this.issuedAt = issuedAt;
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
