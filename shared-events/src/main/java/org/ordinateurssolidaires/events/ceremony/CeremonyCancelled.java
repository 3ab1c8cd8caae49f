package org.ordinateurssolidaires.events.ceremony;

import org.axonframework.serialization.Revision;

/** The ceremony will not take place. */
@Revision("1")
public record CeremonyCancelled(CeremonyId ceremonyId, String reason) implements CeremonyEvent {
}
