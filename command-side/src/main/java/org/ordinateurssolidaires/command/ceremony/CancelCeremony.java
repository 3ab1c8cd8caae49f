package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;

/** Call off a planned ceremony. */
public record CancelCeremony(@TargetAggregateIdentifier CeremonyId ceremonyId, String reason) {
}
