package org.ordinateurssolidaires.command.referral;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ordinateurssolidaires.command.rules.BusinessRule;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Whether a partner may refer households, read from its own few events in the store (all of them, never from a
 * snapshot): no lookup table to keep in step, and partners registered before this check existed are known all the
 * same.
 */
@Component
public class PartnerRoster {

    private final EventStore eventStore;

    PartnerRoster(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Where a partner stands with the programme. */
    public enum Standing { UNKNOWN, ACTIVE, DEACTIVATED }

    public Standing standing(PartnerId partner) {
        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(partner.toString(), 0).asStream().toList();
        if (history.isEmpty() || !(history.get(0).getPayload() instanceof PartnerRegistered)) {
            return Standing.UNKNOWN;
        }
        return history.stream().anyMatch(event -> event.getPayload() instanceof PartnerDeactivated)
                ? Standing.DEACTIVATED : Standing.ACTIVE;
    }

    /** Refuses an unknown partner (404) or one that was deactivated (409, under {@code rule}). */
    public void requireActive(PartnerId partner, BusinessRule rule) {
        switch (standing(partner)) {
            case UNKNOWN -> throw new UnknownEntity(UnknownEntity.Kind.PARTNER, "no partner " + partner);
            case DEACTIVATED -> throw new RuleViolation(rule, "partner " + partner + " was deactivated");
            case ACTIVE -> { }
        }
    }
}
