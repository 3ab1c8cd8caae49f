package org.ordinateurssolidaires.events.donor;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.device.DeviceId;

import java.time.Instant;
import java.util.List;

/**
 * A donor's delivery arrived and its devices were received together (each has its own
 * {@link org.ordinateurssolidaires.events.device.DeviceReceived} naming the same reference).
 */
@Revision("1")
public record DonationBatchReceived(DonationBatchId batchId,
                                    DonorId donorId,
                                    String reference,
                                    Instant receivedAt,
                                    List<DeviceId> devices) implements DonationBatchEvent {

    public DonationBatchReceived {
        devices = List.copyOf(devices);
    }
}
