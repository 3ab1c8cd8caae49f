package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/** A household gave the device back; it may hold their data now, so every medium must be sanitised again. */
@Revision("1")
public record DeviceReturned(DeviceId deviceId, ReferralId referralId, String reason, Instant returnedAt) implements DeviceEvent {
}
