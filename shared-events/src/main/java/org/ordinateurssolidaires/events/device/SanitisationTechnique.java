package org.ordinateurssolidaires.events.device;

/** How a medium was sanitised, in the terms of NIST SP 800-88. */
public enum SanitisationTechnique {
    OVERWRITE,
    BLOCK_ERASE,
    CRYPTOGRAPHIC_ERASE,
    ATA_SECURE_ERASE,
    DEGAUSS
}
