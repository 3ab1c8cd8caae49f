package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.referral.PartnerId;

import java.util.UUID;

/** Record a contact person at the partner. */
public record AddPartnerContact(@TargetAggregateIdentifier PartnerId partnerId, UUID contactId, String name,
                                String role, String email, String phone) {
}
