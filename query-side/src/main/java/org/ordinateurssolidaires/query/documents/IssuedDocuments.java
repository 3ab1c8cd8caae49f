package org.ordinateurssolidaires.query.documents;

import org.ordinateurssolidaires.events.Sha256;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every document the programme hands out (donor reports, sanitisation certificates) is registered by its SHA-256
 * when issued; a copy is genuine and unaltered exactly when its own SHA-256 is registered.
 */
@Component
public class IssuedDocuments {

    private final IssuedDocumentRepository documents;
    private final Clock clock;

    IssuedDocuments(IssuedDocumentRepository documents) {
        this.documents = documents;
        this.clock = Clock.systemUTC();
    }

    /** A document about to be issued: its id and date go into its content, its fingerprint into the register. */
    public record Issue(UUID documentId, Instant issuedAt) {
    }

    public Issue next() {
        return new Issue(UUID.randomUUID(), clock.instant());
    }

    @Transactional
    public byte[] register(Issue issue, String kind, UUID donorId, byte[] document) {
        documents.save(new IssuedDocument(Sha256.hex(document), issue.documentId(), kind, donorId, issue.issuedAt()));
        return document;
    }

    public Optional<IssuedDocument> verify(byte[] copy) {
        return documents.findById(Sha256.hex(copy));
    }
}
