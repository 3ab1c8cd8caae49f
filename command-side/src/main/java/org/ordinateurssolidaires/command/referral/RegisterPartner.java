package org.ordinateurssolidaires.command.referral;

import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerKind;

/** Register an organisation that refers households. */
public record RegisterPartner(PartnerId partnerId, String name, PartnerKind kind) {
}
