package org.ordinateurssolidaires.command.device;

import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;

/**
 * The deliveries imported from a file, which the donor reconciles as a whole (docs/donation-batches.md): behind
 * {@link DeviceRule#DELIVERY_FILE_IS_WHOLE}. Kept by the batches' progress, in the same transaction as the events.
 */
public interface ImportedDeliveries {

    /** Whether the donor's delivery of that reference was imported from a file. */
    boolean isImported(DonorId donor, String reference);

    /** Whether the device came in a delivery imported from a file. */
    boolean cameInAFile(DeviceId device);
}
