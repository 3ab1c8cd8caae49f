package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;

/** Record that the ceremony took place, and how many households and donors came. */
public record RecordCeremonyHeld(@TargetAggregateIdentifier CeremonyId ceremonyId, int householdsPresent,
                                 int donorsPresent) {
}
