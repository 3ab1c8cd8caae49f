package org.ordinateurssolidaires.events.ceremony;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The ceremony moved to another day or place. */
@Revision("1")
public record CeremonyRescheduled(CeremonyId ceremonyId, LocalDate date, String place, String reason)
        implements CeremonyEvent {
}
