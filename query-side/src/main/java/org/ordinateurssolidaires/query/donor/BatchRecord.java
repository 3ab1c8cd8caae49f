package org.ordinateurssolidaires.query.donor;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;

import java.time.Instant;
import java.util.UUID;

/** A donor's delivery and where its reconciliation stands. Written only by {@link DonorProjection}. */
@Entity
@Table(name = "donor_batch_record")
public class BatchRecord {

    /**
     * Where the donor's check of what was recorded stands. {@code AWAITING_PROCESSING} is never stored: the report
     * says it of a batch awaiting the donor while some of its devices are still to be processed, which the donor
     * may not yet confirm or dispute (DonorReports).
     */
    public enum Reconciliation { AWAITING_PROCESSING, AWAITING_DONOR, DISPUTED, CONFIRMED }

    @Id
    private UUID batchId;
    private UUID donorId;
    private String reference;
    private Instant receivedAt;
    private int devicesRecorded;
    @Enumerated(EnumType.STRING)
    private Reconciliation reconciliation;
    private String reconciliationBy;
    private String reconciliationComment;

    protected BatchRecord() {
        // for JPA
    }

    BatchRecord(DonationBatchReceived received) {
        batchId = received.batchId().value();
        donorId = received.donorId().value();
        reference = received.reference();
        receivedAt = received.receivedAt();
        devicesRecorded = received.devices().size();
        reconciliation = Reconciliation.AWAITING_DONOR;
    }

    void reconciled(Reconciliation outcome, String by, String comment) {
        reconciliation = outcome;
        reconciliationBy = by;
        reconciliationComment = comment;
    }

    public UUID getBatchId() {
        return batchId;
    }

    public UUID getDonorId() {
        return donorId;
    }

    public String getReference() {
        return reference;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public int getDevicesRecorded() {
        return devicesRecorded;
    }

    public Reconciliation getReconciliation() {
        return reconciliation;
    }

    public String getReconciliationBy() {
        return reconciliationBy;
    }

    public String getReconciliationComment() {
        return reconciliationComment;
    }
}
