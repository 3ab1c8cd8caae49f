package org.ordinateurssolidaires.query.referral;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.UUID;

interface PartnerRecordRepository extends JpaRepository<PartnerRecord, UUID> {

    List<PartnerRecord> findAllByOrderByName();
}
