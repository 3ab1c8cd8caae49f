package org.ordinateurssolidaires.query.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.ordinateurssolidaires.events.referral.PartnerContactAdded;
import org.ordinateurssolidaires.events.referral.PartnerContactRemoved;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.ordinateurssolidaires.query.readmodel.ReadModelProjection;
import org.ordinateurssolidaires.query.readmodel.ReadModelTables;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** The partner directory, kept by the referrals processor so that it is rebuilt with the referrals. */
@Component
@ProcessingGroup(ReferralProjection.PROCESSING_GROUP)
@ReadModelTables({"partner_record", "partner_contact"})
class PartnerProjection extends ReadModelProjection {

    private final PartnerRecordRepository partners;

    PartnerProjection(PartnerRecordRepository partners) {
        this.partners = partners;
    }

    @EventHandler
    void on(PartnerRegistered event) {
        insert(new PartnerRecord(event));
    }

    @EventHandler
    void on(PartnerContactAdded event) {
        update(event.partnerId(), partner -> partner.contactAdded(event));
    }

    @EventHandler
    void on(PartnerContactRemoved event) {
        update(event.partnerId(), partner -> partner.contactRemoved(event.contactId()));
    }

    @EventHandler
    void on(PartnerDeactivated event) {
        update(event.partnerId(), partner -> partner.deactivated(event.reason()));
    }

    @ResetHandler
    void reset() {
        partners.deleteAll(); // with their contacts
    }

    private void update(PartnerId partnerId, Consumer<PartnerRecord> change) {
        row(PartnerRecord.class, partnerId.value()).ifPresent(partner -> {
            change.accept(partner);
        });
    }
}
