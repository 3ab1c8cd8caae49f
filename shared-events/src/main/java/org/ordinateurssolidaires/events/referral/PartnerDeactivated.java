package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

/** The partner no longer refers households; its past referrals stand. */
@Revision("1")
public record PartnerDeactivated(PartnerId partnerId, String reason) implements PartnerEvent {
}
