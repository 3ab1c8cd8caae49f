package org.ordinateurssolidaires.command.donor;

import org.ordinateurssolidaires.command.rules.BusinessRule;

/** The rules about donors and their agreements. */
public enum DonorRule implements BusinessRule {
    SIRET_REGISTERED_ONCE("an establishment is registered as one donor: a SIRET is not registered twice"),
    CORRECTION_CHANGES_SOMETHING("a correction states at least one detail other than the one recorded"),
    DONOR_AGREEMENT_IN_FORCE("a device is received only from a donor with an agreement in force on the day"),
    MODEL_AGREEMENT_COMMITMENTS("an agreement states the model agreement's four commitments: free for the "
            + "beneficiary, traceability of the equipment, data erasure and a hand-over ceremony"),
    VALIDITY_PERIOD_IN_ORDER("an agreement's validity ends after it starts"),
    SIGNED_BEFORE_IT_ENDS("an agreement is signed before its validity ends: signed later, it would cover receptions "
            + "already past"),
    AGREEMENT_RECORDED_ONCE("an agreement is signed once"),
    AGREEMENT_TERMINATED_ONCE("an agreement is terminated once"),
    TERMINATION_WITHIN_VALIDITY("an agreement is terminated on a day of its validity period"),
    TERMINATION_AFTER_ITS_RECEPTIONS("an agreement is terminated no earlier than the day of the last device received "
            + "under it alone: those devices were given under it");

    private final String description;

    DonorRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
