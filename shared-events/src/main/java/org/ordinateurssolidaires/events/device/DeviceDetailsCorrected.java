package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

/**
 * Details recorded at reception were wrong. History is never edited: this fact states the corrected values.
 * A {@code null} field was not corrected.
 */
@Revision("1")
public record DeviceDetailsCorrected(DeviceId deviceId,
                                     DeviceCategory category,
                                     String manufacturer,
                                     String model,
                                     String serialNumber,
                                     String donationBatchReference,
                                     String conditionNotes,
                                     String reason) implements DeviceEvent {
}
