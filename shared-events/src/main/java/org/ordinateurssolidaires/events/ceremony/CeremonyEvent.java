package org.ordinateurssolidaires.events.ceremony;

/** Every fact about a hand-over ceremony names it first. */
public interface CeremonyEvent {

    CeremonyId ceremonyId();
}
