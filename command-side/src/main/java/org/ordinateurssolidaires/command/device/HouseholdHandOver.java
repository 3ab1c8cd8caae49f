package org.ordinateurssolidaires.command.device;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ordinateurssolidaires.command.referral.FulfilReferral;
import org.ordinateurssolidaires.command.referral.ReferralStandings;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.command.web.CommandDispatcher;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.ProcessedCommands;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A household receives one or several devices at once: each device's hand-over, then the referral's fulfilment,
 * in one transaction, so that either all of it is recorded or nothing is. The client's command id names the whole
 * request (claimed first, in the same transaction); the commands it sends share one conversation.
 */
@Component
class HouseholdHandOver {

    /** What a client's command id stands for. */
    private record Request(ReferralId referral, List<DeviceId> devices, boolean freeOfChargeAcknowledged,
                           CeremonyId ceremony, Instant handedOverAt) {
    }

    private final CommandDispatcher commands;
    private final ProcessedCommands processed;
    private final ReferralStandings referrals;
    private final TransactionTemplate transaction;

    HouseholdHandOver(CommandDispatcher commands, ProcessedCommands processed, ReferralStandings referrals,
                      TransactionTemplate transaction) {
        this.commands = commands;
        this.processed = processed;
        this.referrals = referrals;
        this.transaction = transaction;
    }

    /**
     * @param referral the household's referral, or null for the one the (single) device is allocated to
     */
    void handOver(ReferralId referral, List<DeviceId> devices, boolean freeOfChargeAcknowledged, CeremonyId ceremony,
                  Instant handedOverAt, CommandOrigin origin) {
        var request = new Request(referral, devices, freeOfChargeAcknowledged, ceremony, handedOverAt);
        transaction.executeWithoutResult(status -> {
            if (origin.commandId() != null
                && !processed.claim(origin.commandId(), origin.userId(), "HandOverToHousehold", request)) {
                return; // recorded before, all of it
            }
            CommandOrigin part = origin.inConversation(
                    origin.commandId() == null ? UUID.randomUUID().toString() : origin.commandId().toString());
            ReferralId household = referral;
            for (DeviceId device : devices) {
                household = handOver(device, request, part);
            }
            if (referrals.isKnown(household)) { // devices allocated before referrals were recorded have none
                commands.dispatchInCallersTransaction(new FulfilReferral(household, devices, handedOverAt), part);
            }
        });
    }

    private ReferralId handOver(DeviceId device, Request request, CommandOrigin part) {
        try {
            return commands.dispatchInCallersTransaction(new HandOverDevice(device, request.referral(),
                    request.freeOfChargeAcknowledged(), request.ceremony(), request.handedOverAt()), part);
        } catch (AggregateNotFoundException unknown) {
            throw new UnknownEntity(UnknownEntity.Kind.DEVICE, "no device " + device);
        }
    }
}
