package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Refurbishment work was done and an operating system installed. */
@Revision("1")
public record DeviceRefurbished(DeviceId deviceId,
                                String workDone,
                                String operatingSystem,
                                String technician,
                                Instant refurbishedAt) implements DeviceEvent {
}
