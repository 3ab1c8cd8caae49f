package org.ordinateurssolidaires.query.inventory;

import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.UUID;

interface InventoryRepository extends JpaRepository<InventoryDevice, UUID>, JpaSpecificationExecutor<InventoryDevice> {

    List<InventoryDevice> findByDonorIdOrderByDonationBatchReferenceAscAssetTagAsc(UUID donorId);

    List<InventoryDevice> findByReferralIdOrderByAssetTagAsc(UUID referralId);

    @Query("select d.state as state, count(d) as devices from InventoryDevice d group by d.state")
    List<StateCount> countByState();

    @Query("select d.category as category, count(d) as devices from InventoryDevice d group by d.category")
    List<CategoryCount> countByCategory();

    interface StateCount {
        DeviceState getState();

        long getDevices();
    }

    interface CategoryCount {
        DeviceCategory getCategory();

        long getDevices();
    }
}
