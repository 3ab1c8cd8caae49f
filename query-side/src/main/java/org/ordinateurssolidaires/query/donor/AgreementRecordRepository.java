package org.ordinateurssolidaires.query.donor;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface AgreementRecordRepository extends JpaRepository<AgreementRecord, UUID> {

    List<AgreementRecord> findByDonorIdOrderBySignedOn(UUID donorId);
}
