package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.referral.PartnerId;

import java.util.UUID;

/** The person is no longer the programme's contact at the partner. */
public record RemovePartnerContact(@TargetAggregateIdentifier PartnerId partnerId, UUID contactId) {
}
