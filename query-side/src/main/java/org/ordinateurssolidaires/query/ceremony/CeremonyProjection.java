package org.ordinateurssolidaires.query.ceremony;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyHeld;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.ceremony.DonorsInvited;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.query.readmodel.ReadModelProjection;
import org.ordinateurssolidaires.query.readmodel.ReadModelTables;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** Hand-over ceremonies: when, where, who was invited, and how many came. */
@Component
@ProcessingGroup(CeremonyProjection.PROCESSING_GROUP)
@ReadModelTables({"ceremony_record", "ceremony_invitation"})
class CeremonyProjection extends ReadModelProjection {

    static final String PROCESSING_GROUP = "ceremonies";

    private final CeremonyRepository ceremonies;

    CeremonyProjection(CeremonyRepository ceremonies) {
        this.ceremonies = ceremonies;
    }

    @EventHandler
    void on(CeremonyScheduled event) {
        insert(new CeremonyRecord(event));
    }

    @EventHandler
    void on(DonorsInvited event) {
        update(event.ceremonyId(), ceremony -> ceremony.invited(event.donors().stream().map(DonorId::value).toList()));
    }

    @EventHandler
    void on(CeremonyRescheduled event) {
        update(event.ceremonyId(), ceremony -> ceremony.rescheduled(event.date(), event.place(), event.reason()));
    }

    @EventHandler
    void on(CeremonyCancelled event) {
        update(event.ceremonyId(), ceremony -> ceremony.cancelled(event.reason()));
    }

    @EventHandler
    void on(CeremonyHeld event) {
        update(event.ceremonyId(), ceremony -> ceremony.held(event.householdsPresent(), event.donorsPresent()));
    }

    @ResetHandler
    void reset() {
        ceremonies.deleteAll(); // not in batch: the invitations go with each ceremony
    }

    private void update(CeremonyId ceremonyId, Consumer<CeremonyRecord> change) {
        CeremonyRecord ceremony = row(CeremonyRecord.class, ceremonyId.value()).orElseThrow();
        change.accept(ceremony);
    }
}
