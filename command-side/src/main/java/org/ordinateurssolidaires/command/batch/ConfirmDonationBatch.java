package org.ordinateurssolidaires.command.batch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.donor.DonationBatchId;

/** Record the donor's confirmation that the batch as recorded matches what it gave. */
public record ConfirmDonationBatch(@TargetAggregateIdentifier DonationBatchId batchId, String confirmedBy,
                                   String comment) {
}
