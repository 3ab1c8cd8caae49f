package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/** A ready device was set aside for the household of a referral. */
@Revision("1")
public record DeviceAllocated(DeviceId deviceId, ReferralId referralId, Instant allocatedAt) implements DeviceEvent {
}
