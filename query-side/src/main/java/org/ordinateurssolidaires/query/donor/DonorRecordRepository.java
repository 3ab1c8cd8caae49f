package org.ordinateurssolidaires.query.donor;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface DonorRecordRepository extends JpaRepository<DonorRecord, UUID> {
}
