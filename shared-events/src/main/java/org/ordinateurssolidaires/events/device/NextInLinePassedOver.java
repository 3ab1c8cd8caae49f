package org.ordinateurssolidaires.events.device;

import org.axonframework.serialization.Revision;
import org.ordinateurssolidaires.events.referral.ReferralId;

/**
 * Staff allocated the device to another household than the one next in line for that kind of device, and
 * recorded why. Recorded just before the {@link DeviceAllocated} it explains; the household passed over keeps its
 * place.
 */
@Revision("1")
public record NextInLinePassedOver(DeviceId deviceId, ReferralId nextInLine, ReferralId chosen, String reason)
        implements DeviceEvent {
}
