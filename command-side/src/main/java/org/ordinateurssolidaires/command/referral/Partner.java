package org.ordinateurssolidaires.command.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An organisation of the steering committee that refers households. */
@Aggregate
public class Partner {

    @AggregateIdentifier
    private PartnerId partnerId;
    private boolean active;

    protected Partner() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Partner(RegisterPartner command) {
        apply(new PartnerRegistered(command.partnerId(), command.name(), command.kind()));
    }

    @CommandHandler
    void handle(DeactivatePartner command) {
        if (!active) {
            throw new RuleViolation(ReferralRule.PARTNER_ACTIVE, "partner " + partnerId + " is already inactive");
        }
        apply(new PartnerDeactivated(partnerId, command.reason()));
    }

    @EventSourcingHandler
    void on(PartnerRegistered event) {
        partnerId = event.partnerId();
        active = true;
    }

    @EventSourcingHandler
    void on(PartnerDeactivated event) {
        active = false;
    }
}
