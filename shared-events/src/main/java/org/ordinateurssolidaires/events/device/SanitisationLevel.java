package org.ordinateurssolidaires.events.device;

/** NIST SP 800-88 sanitisation levels; the third, destroy, is its own event ({@link StorageMediumDestroyed}). */
public enum SanitisationLevel {
    CLEAR,
    PURGE
}
