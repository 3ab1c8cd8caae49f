package org.ordinateurssolidaires.events.ceremony;

import org.axonframework.serialization.Revision;

/** The ceremony took place on its date; counts only, never who the households were. */
@Revision("1")
public record CeremonyHeld(CeremonyId ceremonyId, int householdsPresent, int donorsPresent) implements CeremonyEvent {
}
