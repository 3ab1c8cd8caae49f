package org.ordinateurssolidaires.command.batch;

import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.Instant;
import java.util.List;

/** Record a donor's delivery and the devices received with it. */
public record RecordDonationBatch(DonationBatchId batchId,
                                  DonorId donorId,
                                  String reference,
                                  Instant receivedAt,
                                  List<DeviceId> devices) {
}
