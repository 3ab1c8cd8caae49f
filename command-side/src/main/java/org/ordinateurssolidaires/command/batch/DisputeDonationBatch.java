package org.ordinateurssolidaires.command.batch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonorId;

/**
 * Record the donor's objection that the batch as recorded does not match what it gave.
 *
 * @param speakingFor the donor whose account sends it; null when staff record it for the donor
 */
public record DisputeDonationBatch(@TargetAggregateIdentifier DonationBatchId batchId, String raisedBy,
                                   String comment, DonorId speakingFor) {
}
