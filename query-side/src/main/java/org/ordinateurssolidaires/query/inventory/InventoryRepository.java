package org.ordinateurssolidaires.query.inventory;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.List;
import java.util.UUID;

interface InventoryRepository extends JpaRepository<InventoryDevice, UUID>, JpaSpecificationExecutor<InventoryDevice> {

    List<InventoryDevice> findByDonorIdOrderByDonationBatchReferenceAscAssetTagAsc(UUID donorId);

    List<InventoryDevice> findByReferralIdOrderByAssetTagAsc(UUID referralId);

    /** The devices labelled so: by asset tag, by serial, or by a medium's serial; each by its own index. */
    @Query(value = "select device_id from inventory_device where asset_tag = :label"
            + " union select device_id from inventory_device where serial_number = :label"
            + " union select device_id from inventory_medium where serial_number = :label", nativeQuery = true)
    List<UUID> findIdsByLabel(@Param("label") String label);
}
