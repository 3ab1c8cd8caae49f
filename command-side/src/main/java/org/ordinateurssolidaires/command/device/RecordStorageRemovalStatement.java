package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;

/** Record the donor's statement that the storage of a device already received was removed before the gift. */
public record RecordStorageRemovalStatement(@TargetAggregateIdentifier DeviceId deviceId,
                                            StorageRemovalStatement statement) {
}
