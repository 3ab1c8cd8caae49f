package org.ordinateurssolidaires.events.donor;

/** Who gives: the programme's donors are mostly companies and public bodies. */
public enum DonorKind {
    COMPANY,
    PUBLIC_BODY,
    ASSOCIATION,
    INDIVIDUAL
}
