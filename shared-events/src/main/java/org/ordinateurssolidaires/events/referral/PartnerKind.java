package org.ordinateurssolidaires.events.referral;

/** The kinds of organisations on the programme's steering committee that refer households. */
public enum PartnerKind {
    SOCIAL_SERVICES,
    JOB_CENTRE,
    ASSOCIATION,
    UNIVERSITY,
    OTHER_INSTITUTION
}
