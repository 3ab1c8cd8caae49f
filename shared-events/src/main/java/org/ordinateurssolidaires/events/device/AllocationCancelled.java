package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/** An allocation was undone; the device is ready again. */
@Revision("1")
public record AllocationCancelled(DeviceId deviceId, ReferralId referralId, String reason, Instant cancelledAt) implements DeviceEvent {
}
