package org.ordinateurssolidaires.events.donor;

/** Every fact about a donation batch names it first. */
public interface DonationBatchEvent {

    DonationBatchId batchId();
}
