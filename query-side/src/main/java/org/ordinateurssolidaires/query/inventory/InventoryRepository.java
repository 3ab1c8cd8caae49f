package org.ordinateurssolidaires.query.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

import java.util.List;
import java.util.UUID;

interface InventoryRepository extends JpaRepository<InventoryDevice, UUID>, JpaSpecificationExecutor<InventoryDevice> {

    List<InventoryDevice> findByDonorIdOrderByDonationBatchReferenceAscAssetTagAsc(UUID donorId);

    List<InventoryDevice> findByReferralIdOrderByAssetTagAsc(UUID referralId);
}
