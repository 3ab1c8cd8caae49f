package org.ordinateurssolidaires.query.inventory;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

interface InventoryRepository extends JpaRepository<InventoryDevice, UUID>, JpaSpecificationExecutor<InventoryDevice>,
        ListedDevices {

    List<InventoryDevice> findByDonorIdOrderByDonationBatchReferenceAscAssetTagAsc(UUID donorId);

    List<InventoryDevice> findByReferralIdOrderByAssetTagAsc(UUID referralId);

    /**
     * Each medium of the device whose serial another device lists too, as a scanner may read it, with that device's
     * id and asset tag, by asset tag, at most {@code limit}: the other media found by the serials' index.
     */
    @Query("select m.mediumId, other.deviceId, other.assetTag from InventoryDevice d join d.media m,"
            + " InventoryDevice other join other.media o"
            + " where d.deviceId = :deviceId and o.serialScanned = m.serialScanned and other.deviceId <> d.deviceId"
            + " order by other.assetTag, m.mediumId")
    List<Object[]> findSerialsSharedWith(@Param("deviceId") UUID deviceId, Limit limit);

    /**
     * The devices labelled so: by one of these asset tags, or by a serial, theirs or a medium's, read as a scanner
     * may ({@link org.ordinateurssolidaires.events.device.MediumSerials}); each by its own index.
     */
    @Query("select d.deviceId from InventoryDevice d where d.assetTag in :assetTags"
            + " union select d.deviceId from InventoryDevice d where d.serialScanned = :serial"
            + " union select d.deviceId from InventoryDevice d join d.media m where m.serialScanned = :serial")
    List<UUID> findIdsByLabel(@Param("assetTags") Collection<String> assetTags, @Param("serial") String serial);
}
