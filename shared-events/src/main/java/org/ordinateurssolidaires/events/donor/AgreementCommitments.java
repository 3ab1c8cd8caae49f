package org.ordinateurssolidaires.events.donor;

/**
 * The four commitments of the model agreement that donors care most about (city council deliberation 2023-0208):
 * the device is free for the beneficiary, the equipment is traceable, its data is erased, and the gift is
 * honoured at a hand-over ceremony.
 */
public record AgreementCommitments(boolean freeForBeneficiary,
                                   boolean equipmentTraceability,
                                   boolean dataErasure,
                                   boolean handOverCeremony) {

    public boolean allMade() {
        return freeForBeneficiary && equipmentTraceability && dataErasure && handOverCeremony;
    }
}
