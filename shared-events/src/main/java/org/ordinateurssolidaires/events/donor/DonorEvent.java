package org.ordinateurssolidaires.events.donor;

/** Every fact about a donor names it first. */
public interface DonorEvent {

    DonorId donorId();
}
