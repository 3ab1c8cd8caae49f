package org.ordinateurssolidaires.events.ceremony;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A hand-over ceremony, bringing donors and beneficiaries together, was planned for a day and a place. */
@Revision("1")
public record CeremonyScheduled(CeremonyId ceremonyId, LocalDate date, String place) implements CeremonyEvent {
}
