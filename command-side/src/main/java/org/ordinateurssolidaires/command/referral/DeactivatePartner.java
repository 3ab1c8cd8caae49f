package org.ordinateurssolidaires.command.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.referral.PartnerId;

/** The partner stops referring households. */
public record DeactivatePartner(@TargetAggregateIdentifier PartnerId partnerId, String reason) {
}
