package org.ordinateurssolidaires.query.documents;

import org.ordinateurssolidaires.events.Sha256;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every document the programme hands out (donor reports, sanitisation certificates, audit reports) is sealed as it
 * is issued ({@link DocumentSeal}); a copy is genuine and unaltered exactly when its seal is the programme's. Issuing
 * writes nothing. Documents issued before the seal were registered by their SHA-256 in {@code issued_document},
 * which is still read for them and no longer written.
 */
@Component
public class IssuedDocuments {

    private final DocumentSeal seal;
    private final IssuedDocumentRepository registeredBeforeTheSeal;
    private final Clock clock = Clock.systemUTC();

    IssuedDocuments(DocumentSeal seal, IssuedDocumentRepository registeredBeforeTheSeal) {
        this.seal = seal;
        this.registeredBeforeTheSeal = registeredBeforeTheSeal;
    }

    /** A document about to be issued: its id and date go into its content, and all of it into its seal. */
    public record Issue(UUID documentId, Instant issuedAt, String kind, UUID donorId) {

        /** In the document information: ASCII, spaces between {@code name=value} pairs, no parenthesis. */
        String facts() {
            return "v1 kind=" + kind + " document=" + documentId + " donor=" + (donorId == null ? "-" : donorId)
                   + " issued=" + issuedAt;
        }

        /** Only ever read from a copy whose seal was verified: what the programme itself wrote. */
        static Issue ofFacts(String facts) {
            Map<String, String> named = new HashMap<>();
            for (String pair : facts.substring("v1 ".length()).split(" ")) {
                String[] nameAndValue = pair.split("=", 2);
                named.put(nameAndValue[0], nameAndValue[1]);
            }
            String donor = named.get("donor");
            return new Issue(UUID.fromString(named.get("document")), Instant.parse(named.get("issued")),
                    named.get("kind"), donor.equals("-") ? null : UUID.fromString(donor));
        }
    }

    public Issue next(String kind, UUID donorId) {
        return new Issue(UUID.randomUUID(), clock.instant(), kind, donorId);
    }

    /** Lays the document out with {@link PdfLayout} and seals it. */
    public byte[] issue(Issue issue, boolean landscape, Consumer<PdfLayout> content) {
        return seal.seal(PdfLayout.render(landscape, DocumentSeal.unsealed(issue.facts()), content));
    }

    public Optional<Issue> verify(byte[] copy) {
        return seal.factsOf(copy).map(Issue::ofFacts).or(() -> registeredBeforeTheSeal.findById(Sha256.hex(copy))
                .map(registered -> new Issue(registered.getDocumentId(), registered.getIssuedAt(),
                        registered.getKind(), registered.getDonorId())));
    }
}
