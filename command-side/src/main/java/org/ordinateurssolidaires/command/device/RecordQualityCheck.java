package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.QualityGrade;

import java.time.Instant;

/** Record the outcome of the quality check of a refurbished device. */
public record RecordQualityCheck(@TargetAggregateIdentifier DeviceId deviceId,
                                 boolean passed,
                                 QualityGrade grade,
                                 String notes,
                                 String inspector,
                                 Instant checkedAt) {
}
