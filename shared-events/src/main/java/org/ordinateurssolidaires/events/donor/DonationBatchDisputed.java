package org.ordinateurssolidaires.events.donor;

import org.axonframework.serialization.Revision;

/** The donor says what was recorded for the batch does not match what it gave, and why. */
@Revision("1")
public record DonationBatchDisputed(DonationBatchId batchId, String raisedBy, String comment)
        implements DonationBatchEvent {
}
