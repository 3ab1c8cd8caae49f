package org.ordinateurssolidaires.command.ceremony;

import org.ordinateurssolidaires.events.ceremony.CeremonyId;

import java.time.LocalDate;

/** Plan a hand-over ceremony. */
public record ScheduleCeremony(CeremonyId ceremonyId, LocalDate date, String place) {
}
