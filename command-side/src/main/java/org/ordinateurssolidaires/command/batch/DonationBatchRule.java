package org.ordinateurssolidaires.command.batch;

import org.ordinateurssolidaires.command.rules.BusinessRule;

/** The rules of donation batches. */
public enum DonationBatchRule implements BusinessRule {
    BATCH_RECORDED_ONCE("a donor's delivery reference names one batch, recorded once"),
    RECONCILIATION_ONCE_PROCESSED("the donor confirms or disputes a batch once every device in it is processed "
            + "(refurbished or recycled, so every medium erased)"),
    CONFIRMED_BATCH_IS_SETTLED("once the donor confirmed a batch, it is settled: no further confirmation or dispute");

    private final String description;

    DonationBatchRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
