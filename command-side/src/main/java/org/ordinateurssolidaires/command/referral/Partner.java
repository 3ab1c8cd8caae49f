package org.ordinateurssolidaires.command.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.referral.PartnerContactAdded;
import org.ordinateurssolidaires.events.referral.PartnerContactRemoved;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** An organisation of the steering committee that refers households, and the people the programme deals with there. */
@Aggregate(filterEventsByType = true)
public class Partner {

    @AggregateIdentifier
    private PartnerId partnerId;
    private boolean active;
    private final Set<UUID> contacts = new HashSet<>();

    protected Partner() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Partner(RegisterPartner command, PartnerNames names) {
        names.requireUnused(command.name());
        apply(new PartnerRegistered(command.partnerId(), command.name(), command.kind()));
    }

    @CommandHandler
    void handle(DeactivatePartner command) {
        if (!active) {
            throw new RuleViolation(ReferralRule.PARTNER_ACTIVE, "partner " + partnerId + " is already inactive");
        }
        apply(new PartnerDeactivated(partnerId, command.reason()));
    }

    /** A retried command names the same contact: it is recorded once. */
    @CommandHandler
    void handle(AddPartnerContact command) {
        if (!active) {
            throw new RuleViolation(ReferralRule.CONTACTS_OF_AN_ACTIVE_PARTNER, "partner " + partnerId
                    + " was deactivated");
        }
        if (!contacts.contains(command.contactId())) {
            apply(new PartnerContactAdded(partnerId, command.contactId(), command.name(), command.role(),
                    command.email(), command.phone()));
        }
    }

    @CommandHandler
    void handle(RemovePartnerContact command) {
        if (!contacts.contains(command.contactId())) {
            throw new UnknownEntity(UnknownEntity.Kind.CONTACT, "no contact " + command.contactId() + " at partner " + partnerId);
        }
        apply(new PartnerContactRemoved(partnerId, command.contactId()));
    }

    @EventSourcingHandler
    void on(PartnerContactAdded event) {
        contacts.add(event.contactId());
    }

    @EventSourcingHandler
    void on(PartnerContactRemoved event) {
        contacts.remove(event.contactId());
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
