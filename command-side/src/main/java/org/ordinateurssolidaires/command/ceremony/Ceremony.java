package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.donor.DonorAgreements;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyHeld;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.ceremony.DonorsInvited;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A hand-over ceremony, where donors meet the households their computers went to. Devices are handed over "at"
 * a ceremony only on its day (checked with {@link CeremonyCalendar}).
 */
@Aggregate(filterEventsByType = true)
public class Ceremony {

    private enum Status { PLANNED, CANCELLED, HELD }

    @AggregateIdentifier
    private CeremonyId ceremonyId;
    private Status status;
    private LocalDate date;
    private String place;
    private final Set<DonorId> invited = new HashSet<>();

    protected Ceremony() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Ceremony(ScheduleCeremony command, CeremonyCalendar calendar) {
        calendar.requireFree(command.ceremonyId(), command.date(), command.place());
        apply(new CeremonyScheduled(command.ceremonyId(), command.date(), command.place()));
    }

    @CommandHandler
    void handle(InviteDonors command, DonorAgreements donors) {
        requirePlanned();
        donors.requireRegistered(command.donors());
        List<DonorId> newlyInvited = command.donors().stream().distinct().filter(donor -> !invited.contains(donor))
                                            .toList();
        if (!newlyInvited.isEmpty()) {
            apply(new DonorsInvited(ceremonyId, newlyInvited));
        }
    }

    @CommandHandler
    void handle(RescheduleCeremony command, CeremonyCalendar calendar) {
        requirePlanned();
        if (command.date().equals(date) && Objects.equals(command.place(), place)) {
            throw new RuleViolation(CeremonyRule.RESCHEDULING_CHANGES_SOMETHING,
                    "ceremony " + ceremonyId + " is already on " + date + " at " + place);
        }
        if (!command.date().equals(date)) { // another room on the day changes nothing of what was done there
            calendar.requireNoHandOvers(ceremonyId);
        }
        calendar.requireFree(ceremonyId, command.date(), command.place());
        apply(new CeremonyRescheduled(ceremonyId, command.date(), command.place(), command.reason()));
    }

    @CommandHandler
    void handle(CancelCeremony command, CeremonyCalendar calendar) {
        requirePlanned();
        calendar.requireNoHandOvers(ceremonyId);
        apply(new CeremonyCancelled(ceremonyId, command.reason()));
    }

    @CommandHandler
    void handle(RecordCeremonyHeld command, CeremonyCalendar calendar) {
        requirePlanned();
        if (command.recordedOn().isBefore(date)) {
            throw new RuleViolation(CeremonyRule.HELD_ON_ITS_DAY, "ceremony " + ceremonyId + " is on " + date);
        }
        if (command.donorsPresent() > invited.size()) {
            throw new RuleViolation(CeremonyRule.DONORS_PRESENT_WERE_INVITED, command.donorsPresent()
                    + " donor(s) present, " + invited.size() + " invited to ceremony " + ceremonyId);
        }
        int handedOver = calendar.householdsHandedOverAt(ceremonyId);
        if (command.householdsPresent() < handedOver) {
            throw new RuleViolation(CeremonyRule.HOUSEHOLDS_HANDED_OVER_WERE_PRESENT, handedOver
                    + " household(s) were handed devices at ceremony " + ceremonyId + ", more than "
                    + command.householdsPresent() + " present");
        }
        apply(new CeremonyHeld(ceremonyId, command.householdsPresent(), command.donorsPresent()));
    }

    private void requirePlanned() {
        if (status != Status.PLANNED) {
            throw new RuleViolation(CeremonyRule.CEREMONY_STILL_PLANNED,
                    "ceremony " + ceremonyId + " is " + status.name().toLowerCase());
        }
    }

    @EventSourcingHandler
    void on(CeremonyScheduled event) {
        ceremonyId = event.ceremonyId();
        status = Status.PLANNED;
        date = event.date();
        place = event.place();
    }

    @EventSourcingHandler
    void on(CeremonyRescheduled event) {
        date = event.date();
        place = event.place();
    }

    @EventSourcingHandler
    void on(DonorsInvited event) {
        invited.addAll(event.donors());
    }

    @EventSourcingHandler
    void on(CeremonyCancelled event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(CeremonyHeld event) {
        status = Status.HELD;
    }
}
