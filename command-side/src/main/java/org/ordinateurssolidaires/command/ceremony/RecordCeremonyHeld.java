package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;

import java.time.LocalDate;

/**
 * Record that the ceremony took place, and how many households and donors came.
 *
 * @param recordedOn the programme's day when this is recorded: a ceremony is not held before its day
 */
public record RecordCeremonyHeld(@TargetAggregateIdentifier CeremonyId ceremonyId, int householdsPresent,
                                 int donorsPresent, LocalDate recordedOn) {
}
