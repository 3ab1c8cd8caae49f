package org.ordinateurssolidaires.query.donor;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface BatchRecordRepository extends JpaRepository<BatchRecord, UUID> {

    List<BatchRecord> findByDonorIdOrderByReceivedAt(UUID donorId);
}
