package org.ordinateurssolidaires.events.device;

/** Cosmetic and functional grade given at the quality check: A as new, B light wear, C visible wear but sound. */
public enum QualityGrade {
    A,
    B,
    C
}
