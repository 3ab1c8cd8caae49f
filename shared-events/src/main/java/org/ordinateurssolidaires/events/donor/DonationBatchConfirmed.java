package org.ordinateurssolidaires.events.donor;

import org.axonframework.serialization.Revision;

/** The donor confirmed that what the programme recorded for the batch matches what it gave. */
@Revision("1")
public record DonationBatchConfirmed(DonationBatchId batchId, String confirmedBy, String comment)
        implements DonationBatchEvent {
}
