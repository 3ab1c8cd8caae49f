package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

/** An organisation joined the programme as a partner that refers households. */
@Revision("1")
public record PartnerRegistered(PartnerId partnerId, String name, PartnerKind kind) implements PartnerEvent {
}
