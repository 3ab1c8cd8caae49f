package org.ordinateurssolidaires.query.erasure;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ErasureRecordRepository extends JpaRepository<ErasureRecord, String>, JpaSpecificationExecutor<ErasureRecord> {
}
