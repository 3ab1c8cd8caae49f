package org.ordinateurssolidaires.events.device;

/** Physical destruction techniques NIST SP 800-88 accepts. */
public enum DestructionMethod {
    SHRED,
    DISINTEGRATE,
    PULVERISE,
    MELT,
    INCINERATE
}
