package org.ordinateurssolidaires.command.device;

import org.ordinateurssolidaires.command.referral.FulfilReferral;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * A household receives one or several devices at once: each device's hand-over, then the referral's fulfilment,
 * in one transaction, so that either all of it is recorded or nothing is.
 */
@Component
class HouseholdHandOver {

    private final CommandDispatcher commands;
    private final TransactionTemplate transaction;

    HouseholdHandOver(CommandDispatcher commands, TransactionTemplate transaction) {
        this.commands = commands;
        this.transaction = transaction;
    }

    /**
     * @param referral the household's referral, or null for the one the (single) device is allocated to
     */
    void handOver(ReferralId referral, List<DeviceId> devices, boolean freeOfChargeAcknowledged,
                         CeremonyId ceremony, Instant handedOverAt, CommandOrigin origin) {
        transaction.executeWithoutResult(status -> {
            ReferralId household = referral;
            for (DeviceId device : devices) {
                ReferralId allocatedTo = commands.dispatch(new HandOverDevice(device, referral,
                        freeOfChargeAcknowledged, ceremony, handedOverAt), origin.part("hand-over:" + device));
                if (allocatedTo == null) {
                    return; // the same request was recorded before: all of it, in one transaction
                }
                household = allocatedTo;
            }
            commands.dispatch(new FulfilReferral(household, devices, handedOverAt), origin.part("fulfilment"));
        });
    }
}
