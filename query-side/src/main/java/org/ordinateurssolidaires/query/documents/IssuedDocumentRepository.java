package org.ordinateurssolidaires.query.documents;

import org.springframework.data.jpa.repository.JpaRepository;

interface IssuedDocumentRepository extends JpaRepository<IssuedDocument, String> {
}
