package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;

/** The household received the device, free of charge, possibly at a hand-over ceremony. */
@Revision("1")
public record DeviceHandedOver(DeviceId deviceId,
                               ReferralId referralId,
                               boolean freeOfChargeAcknowledged,
                               CeremonyId ceremonyId,
                               Instant handedOverAt) implements DeviceEvent {
}
