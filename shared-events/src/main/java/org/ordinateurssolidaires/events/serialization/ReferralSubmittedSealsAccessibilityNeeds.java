package org.ordinateurssolidaires.events.serialization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;

/**
 * {@code ReferralSubmitted} revision 1 to 2. Revision 1 carried the household's accessibility needs in clear,
 * beside its sealed personal data; revision 2 seals them with the rest ({@code PersonalData.accessibilityNeeds}).
 * A revision-1 event's clear text is left out of what the apps read: no app ever showed it, and the key that would
 * seal it is not the upcaster's to use. It stays only in the stored revision-1 events, which are never rewritten
 * (docs/security.md says so).
 */
final class ReferralSubmittedSealsAccessibilityNeeds extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ReferralSubmitted.class.getName(),
            "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ReferralSubmitted.class.getName(),
            "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ((ObjectNode) payload).remove("accessibilityNeeds");
            return payload;
        });
    }
}
