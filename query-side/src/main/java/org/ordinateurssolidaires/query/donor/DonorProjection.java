package org.ordinateurssolidaires.query.donor;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.AgreementTerminated;
import org.ordinateurssolidaires.events.donor.DonationBatchConfirmed;
import org.ordinateurssolidaires.events.donor.DonationBatchDisputed;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.donor.DonorDetailsCorrected;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.query.donor.BatchRecord.Reconciliation;
import org.ordinateurssolidaires.query.readmodel.ReadModelProjection;
import org.ordinateurssolidaires.query.readmodel.ReadModelTables;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** Donors, their agreements and their deliveries, as the donor report shows them. */
@Component
@ProcessingGroup(DonorProjection.PROCESSING_GROUP)
@ReadModelTables({"donor_record", "donor_agreement_record", "donor_batch_record"})
class DonorProjection extends ReadModelProjection {

    static final String PROCESSING_GROUP = "donors";

    private final DonorRecordRepository donors;
    private final AgreementRecordRepository agreements;
    private final BatchRecordRepository batches;

    DonorProjection(DonorRecordRepository donors, AgreementRecordRepository agreements,
                    BatchRecordRepository batches) {
        this.donors = donors;
        this.agreements = agreements;
        this.batches = batches;
    }

    @EventHandler
    void on(DonorRegistered event) {
        insert(new DonorRecord(event));
    }

    @EventHandler
    void on(DonorDetailsCorrected event) {
        DonorRecord donor = row(DonorRecord.class, event.donorId().value()).orElseThrow();
        donor.corrected(event);
    }

    @EventHandler
    void on(AgreementSigned event) {
        insert(new AgreementRecord(event));
    }

    @EventHandler
    void on(AgreementTerminated event) {
        AgreementRecord agreement = row(AgreementRecord.class, event.agreementId().value()).orElseThrow();
        agreement.terminated(event);
    }

    @EventHandler
    void on(DonationBatchReceived event) {
        insert(new BatchRecord(event));
    }

    @EventHandler
    void on(DonationBatchDisputed event) {
        updateBatch(event.batchId(), batch -> batch.reconciled(Reconciliation.DISPUTED, event.raisedBy(), event.comment()));
    }

    @EventHandler
    void on(DonationBatchConfirmed event) {
        updateBatch(event.batchId(),
                batch -> batch.reconciled(Reconciliation.CONFIRMED, event.confirmedBy(), event.comment()));
    }

    @ResetHandler
    void reset() {
        batches.deleteAllInBatch();
        agreements.deleteAllInBatch();
        donors.deleteAllInBatch();
    }

    private void updateBatch(DonationBatchId batchId, Consumer<BatchRecord> change) {
        BatchRecord batch = row(BatchRecord.class, batchId.value()).orElseThrow();
        change.accept(batch);
    }
}
