package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;

import java.time.LocalDate;

/** Move a planned ceremony to another day or place. */
public record RescheduleCeremony(@TargetAggregateIdentifier CeremonyId ceremonyId, LocalDate date, String place,
                                 String reason) {
}
