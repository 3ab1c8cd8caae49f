package org.ordinateurssolidaires.query.erasure;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A device's label and donor, as the erasure register names them. */
@Entity
@Table(name = "erasure_device")
class ErasureDevice {

    @Id
    private UUID deviceId;
    private String assetTag;
    private UUID donorId;

    protected ErasureDevice() {
        // for JPA
    }

    ErasureDevice(UUID deviceId, String assetTag, UUID donorId) {
        this.deviceId = deviceId;
        this.assetTag = assetTag;
        this.donorId = donorId;
    }

    String getAssetTag() {
        return assetTag;
    }

    UUID getDonorId() {
        return donorId;
    }
}
