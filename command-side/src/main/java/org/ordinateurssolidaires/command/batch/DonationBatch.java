package org.ordinateurssolidaires.command.batch;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.donor.DonationBatchConfirmed;
import org.ordinateurssolidaires.events.donor.DonationBatchDisputed;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A donor's delivery: the devices received with it, and the donor's reconciliation of what was recorded with
 * what it gave. A dispute can be followed by a confirmation once resolved; a confirmation settles the batch.
 */
@Aggregate
public class DonationBatch {

    @AggregateIdentifier
    private DonationBatchId batchId;
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
    void handle(ConfirmDonationBatch command) {
        refuseOnceSettled();
        apply(new DonationBatchConfirmed(batchId, command.confirmedBy(), command.comment()));
    }

    @CommandHandler
    void handle(DisputeDonationBatch command) {
        refuseOnceSettled();
        apply(new DonationBatchDisputed(batchId, command.raisedBy(), command.comment()));
    }

    private void refuseOnceSettled() {
        if (confirmed) {
            throw new RuleViolation(DonationBatchRule.CONFIRMED_BATCH_IS_SETTLED, "batch " + batchId + " is confirmed");
        }
    }

    @EventSourcingHandler
    void on(DonationBatchReceived event) {
        batchId = event.batchId();
    }

    @EventSourcingHandler
    void on(DonationBatchConfirmed event) {
        confirmed = true;
    }
}
