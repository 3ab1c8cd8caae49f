package org.ordinateurssolidaires.command.batch;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.donor.DonationBatchConfirmed;
import org.ordinateurssolidaires.events.donor.DonationBatchDisputed;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.donor.DonorId;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A donor's delivery: the devices received with it, and the donor's reconciliation of what was processed with
 * what it gave, once every device is processed ({@link BatchProgress}). A dispute can be followed by a
 * confirmation once resolved; a confirmation settles the batch.
 */
@Aggregate(filterEventsByType = true)
public class DonationBatch {

    @AggregateIdentifier
    private DonationBatchId batchId;
    private DonorId donorId;
    private boolean confirmed;

    protected DonationBatch() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public DonationBatch(RecordDonationBatch command) {
        apply(new DonationBatchReceived(command.batchId(), command.donorId(), command.reference(),
                command.receivedAt(), command.devices()));
    }

    @CommandHandler
    void handle(ConfirmDonationBatch command, BatchProgress progress) {
        refuseAnotherDonor(command.speakingFor());
        refuseOnceSettled();
        refuseBeforeProcessed(progress);
        apply(new DonationBatchConfirmed(batchId, command.confirmedBy(), command.comment()));
    }

    @CommandHandler
    void handle(DisputeDonationBatch command, BatchProgress progress) {
        refuseAnotherDonor(command.speakingFor());
        refuseOnceSettled();
        refuseBeforeProcessed(progress);
        apply(new DonationBatchDisputed(batchId, command.raisedBy(), command.comment()));
    }

    /** A donor reconciles its own deliveries only: another's is answered as if it did not exist. */
    private void refuseAnotherDonor(DonorId speakingFor) {
        if (speakingFor != null && !speakingFor.equals(donorId)) {
            throw new UnknownEntity(UnknownEntity.Kind.BATCH, "no batch " + batchId);
        }
    }

    private void refuseOnceSettled() {
        if (confirmed) {
            throw new RuleViolation(DonationBatchRule.CONFIRMED_BATCH_IS_SETTLED, "batch " + batchId + " is confirmed");
        }
    }

    private void refuseBeforeProcessed(BatchProgress progress) {
        int inProgress = progress.devicesInProgress(batchId);
        if (inProgress > 0) {
            throw new RuleViolation(DonationBatchRule.RECONCILIATION_ONCE_PROCESSED,
                    inProgress + " device(s) of batch " + batchId + " are not yet refurbished or recycled");
        }
    }

    @EventSourcingHandler
    void on(DonationBatchReceived event) {
        batchId = event.batchId();
        donorId = event.donorId();
    }

    @EventSourcingHandler
    void on(DonationBatchConfirmed event) {
        confirmed = true;
    }
}
