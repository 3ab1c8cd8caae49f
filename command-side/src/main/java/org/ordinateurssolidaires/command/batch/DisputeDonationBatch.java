package org.ordinateurssolidaires.command.batch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.donor.DonationBatchId;

/** Record the donor's objection that the batch as recorded does not match what it gave. */
public record DisputeDonationBatch(@TargetAggregateIdentifier DonationBatchId batchId, String raisedBy,
                                   String comment) {
}
