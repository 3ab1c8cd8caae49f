package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The refurbished device passed its quality check: it is ready to be given. */
@Revision("1")
public record QualityCheckPassed(DeviceId deviceId,
                                 QualityGrade grade,
                                 String inspector,
                                 String notes,
                                 Instant checkedAt) implements DeviceEvent {
}
