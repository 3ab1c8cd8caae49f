package org.ordinateurssolidaires.query.inventory;

/** What the proof that a device holds no donor's data rests on. */
public enum ErasureEvidence {
    /** Media were declared: each is shown with its sanitisation or destruction (or as still to be erased). */
    MEDIA,
    /**
     * No medium: the donor stated that the storage was removed before the gift. A chain-of-custody record, weaker
     * than a sanitisation the programme performed and verified.
     */
    DONOR_STATEMENT,
    /** No medium was ever declared and no statement recorded: nothing shows where the data went. */
    NONE
}
