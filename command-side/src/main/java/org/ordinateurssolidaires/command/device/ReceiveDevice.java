package org.ordinateurssolidaires.command.device;

import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.Instant;
import java.util.List;

/**
 * Record a donated computer that arrived, with the storage media found in it.
 *
 * @param storageRemoval the donor's statement that the storage was removed before the gift; null when not given
 */
public record ReceiveDevice(DeviceId deviceId,
                            AssetTag assetTag,
                            DonorId donorId,
                            String donationBatchReference,
                            DeviceCategory category,
                            String manufacturer,
                            String model,
                            String serialNumber,
                            List<StorageMedium> storageMedia,
                            StorageRemovalStatement storageRemoval,
                            String conditionNotes,
                            Instant receivedAt) {
}
