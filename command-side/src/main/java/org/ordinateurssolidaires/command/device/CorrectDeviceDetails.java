package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceCategory;

/** Correct details recorded by mistake; a null field stays as it is. */
public record CorrectDeviceDetails(@TargetAggregateIdentifier DeviceId deviceId,
                                   DeviceCategory category,
                                   String manufacturer,
                                   String model,
                                   String serialNumber,
                                   String donationBatchReference,
                                   String conditionNotes,
                                   String reason) {
}
