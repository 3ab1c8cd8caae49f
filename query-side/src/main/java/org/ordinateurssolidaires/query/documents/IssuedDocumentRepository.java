package org.ordinateurssolidaires.query.documents;

import org.springframework.data.repository.Repository;

import java.util.Optional;

/** Read only: the register of documents issued before they were sealed is never written any more. */
interface IssuedDocumentRepository extends Repository<IssuedDocument, String> {

    Optional<IssuedDocument> findById(String sha256);
}
