package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The person is no longer the programme's contact at the partner (left, or changed role). */
@Revision("1")
public record PartnerContactRemoved(PartnerId partnerId, UUID contactId) implements PartnerEvent {
}
