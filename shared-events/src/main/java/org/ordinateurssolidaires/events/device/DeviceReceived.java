package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.Instant;
import java.util.List;

/**
 * A donor's computer arrived and was labelled. Every medium listed here must later be sanitised or destroyed.
 *
 * @param donationBatchReference the donor's delivery this device came with
 * @param receivedAt             when the device physically arrived (the event's own timestamp says when it was recorded)
 */
@Revision("1")
public record DeviceReceived(DeviceId deviceId,
                             AssetTag assetTag,
                             DonorId donorId,
                             String donationBatchReference,
                             DeviceCategory category,
                             String manufacturer,
                             String model,
                             String serialNumber,
                             List<StorageMedium> storageMedia,
                             String conditionNotes,
                             Instant receivedAt) implements DeviceEvent {

    public DeviceReceived {
        storageMedia = List.copyOf(storageMedia);
    }
}
