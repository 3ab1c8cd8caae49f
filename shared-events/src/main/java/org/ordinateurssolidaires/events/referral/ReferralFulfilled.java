package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.device.DeviceId;

import java.time.Instant;
import java.util.List;

/** The household received the devices it was referred for: the referral leaves the waiting list for good. */
@Revision("1")
public record ReferralFulfilled(ReferralId referralId, List<DeviceId> devices, Instant fulfilledAt)
        implements ReferralEvent {

    public ReferralFulfilled {
        devices = List.copyOf(devices);
    }
}
