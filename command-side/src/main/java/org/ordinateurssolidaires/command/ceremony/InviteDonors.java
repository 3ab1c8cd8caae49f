package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.util.List;

/** Invite donors to a planned ceremony; those already invited are not invited twice. */
public record InviteDonors(@TargetAggregateIdentifier CeremonyId ceremonyId, List<DonorId> donors) {
}
