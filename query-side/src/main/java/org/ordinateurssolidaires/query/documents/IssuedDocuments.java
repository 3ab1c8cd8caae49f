package org.ordinateurssolidaires.query.documents;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
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
        documents.save(new IssuedDocument(sha256(document), issue.documentId(), kind, donorId, issue.issuedAt()));
        return document;
    }

    public Optional<IssuedDocument> verify(byte[] copy) {
        return documents.findById(sha256(copy));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
