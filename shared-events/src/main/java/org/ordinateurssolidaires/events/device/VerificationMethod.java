package org.ordinateurssolidaires.events.device;

/** How the result of a sanitisation was checked (NIST SP 800-88 §4.7): every sector, or a sample. */
public enum VerificationMethod {
    FULL,
    SAMPLING
}
