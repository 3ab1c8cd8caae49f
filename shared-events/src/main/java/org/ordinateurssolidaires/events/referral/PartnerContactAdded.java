package org.ordinateurssolidaires.events.referral;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * Someone at the partner the programme deals with (a social worker, a job-centre adviser), with their
 * professional contact details.
 */
@Revision("1")
public record PartnerContactAdded(PartnerId partnerId, UUID contactId, String name, String role, String email,
                                  String phone) implements PartnerEvent {
}
