package org.ordinateurssolidaires.command.batch;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonorId;

/**
 * Record the donor's confirmation that the batch as recorded matches what it gave.
 *
 * @param speakingFor the donor whose account sends it; null when staff record it for the donor
 */
public record ConfirmDonationBatch(@TargetAggregateIdentifier DonationBatchId batchId, String confirmedBy,
                                   String comment, DonorId speakingFor) {
}
