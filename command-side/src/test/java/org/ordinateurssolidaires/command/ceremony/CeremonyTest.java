package org.ordinateurssolidaires.command.ceremony;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.donor.DonorAgreements;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.ceremony.CeremonyCancelled;
import org.ordinateurssolidaires.events.ceremony.CeremonyHeld;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.ceremony.CeremonyRescheduled;
import org.ordinateurssolidaires.events.ceremony.CeremonyScheduled;
import org.ordinateurssolidaires.events.ceremony.DonorsInvited;
import org.ordinateurssolidaires.events.donor.DonorId;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.ordinateurssolidaires.command.rules.RuleAssertions.expectRuleBroken;

/** The life of a hand-over ceremony. */
class CeremonyTest {

    private static final CeremonyId CEREMONY = new CeremonyId(UUID.fromString("00000000-0000-4000-8000-0000000000ce"));
    private static final DonorId BANK = new DonorId(UUID.fromString("00000000-0000-4000-8000-00000000d001"));
    private static final DonorId CITY = new DonorId(UUID.fromString("00000000-0000-4000-8000-00000000d002"));
    private static final LocalDate DAY = LocalDate.parse("2026-06-27");
    private static final CeremonyScheduled SCHEDULED = new CeremonyScheduled(CEREMONY, DAY, "Hôtel de Ville, Poitiers");
    private static final CeremonyHeld HELD = new CeremonyHeld(CEREMONY, 24, 2);
    private static final DonorsInvited INVITED = new DonorsInvited(CEREMONY, List.of(BANK, CITY));
    private static final CeremonyCancelled CANCELLED = new CeremonyCancelled(CEREMONY, "storm warning");

    private FixtureConfiguration<Ceremony> fixture;
    private DonorAgreements donors;
    private CeremonyCalendar calendar;

    /** By default every donor invited is registered. */
    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Ceremony.class);
        donors = mock(DonorAgreements.class);
        when(donors.unregistered(any())).thenReturn(List.of());
        doCallRealMethod().when(donors).requireRegistered(any());
        fixture.registerInjectableResource(donors);
        calendar = mock(CeremonyCalendar.class);
        fixture.registerInjectableResource(calendar);
    }

    @Test
    void schedulesACeremony() {
        fixture.givenNoPriorActivity()
               .when(new ScheduleCeremony(CEREMONY, DAY, "Hôtel de Ville, Poitiers"))
               .expectEvents(SCHEDULED);
    }

    /** Refused by the calendar, the same day and place twice: scheduled or moved there, nothing is recorded. */
    @Test
    void takesADayAndPlaceNoOtherCeremonyTakes() {
        doThrow(new RuleViolation(CeremonyRule.ONE_CEREMONY_PER_DAY_AND_PLACE, "ceremony x"))
                .when(calendar).requireFree(CEREMONY, DAY.plusWeeks(1), "Maison de quartier");
        expectRuleBroken(CeremonyRule.ONE_CEREMONY_PER_DAY_AND_PLACE, fixture.givenNoPriorActivity()
                .when(new ScheduleCeremony(CEREMONY, DAY.plusWeeks(1), "Maison de quartier")));
        expectRuleBroken(CeremonyRule.ONE_CEREMONY_PER_DAY_AND_PLACE, fixture.given(SCHEDULED)
                .when(new RescheduleCeremony(CEREMONY, DAY.plusWeeks(1), "Maison de quartier", "?")));
    }

    @Test
    void isRecordedAsHeldWithAtLeastTheHouseholdsHandedDevicesAtIt() {
        when(calendar.householdsHandedOverAt(CEREMONY)).thenReturn(24);
        expectRuleBroken(CeremonyRule.HOUSEHOLDS_HANDED_OVER_WERE_PRESENT,
                fixture.given(SCHEDULED, INVITED).when(new RecordCeremonyHeld(CEREMONY, 23, 2, DAY)));
        fixture.given(SCHEDULED, INVITED).when(new RecordCeremonyHeld(CEREMONY, 24, 2, DAY)).expectEvents(HELD);
    }

    @Test
    void invitesEachDonorOnce() {
        fixture.given(SCHEDULED, new DonorsInvited(CEREMONY, List.of(BANK)))
               .when(new InviteDonors(CEREMONY, List.of(BANK, CITY, CITY)))
               .expectEvents(new DonorsInvited(CEREMONY, List.of(CITY)));

        fixture.given(SCHEDULED, new DonorsInvited(CEREMONY, List.of(BANK)))
               .when(new InviteDonors(CEREMONY, List.of(BANK)))
               .expectNoEvents();
    }

    @Test
    void invitesOnlyRegisteredDonors() {
        when(donors.unregistered(List.of(BANK, CITY))).thenReturn(List.of(CITY));
        fixture.given(SCHEDULED)
               .when(new InviteDonors(CEREMONY, List.of(BANK, CITY)))
               .expectException(UnknownEntity.class)
               .expectExceptionMessage("no donor " + CITY)
               .expectNoEvents();
    }

    @Test
    void reschedulesCancelsOrRecordsAPlannedCeremony() {
        fixture.given(SCHEDULED)
               .when(new RescheduleCeremony(CEREMONY, DAY.plusWeeks(1), "Maison de quartier", "room unavailable"))
               .expectEvents(new CeremonyRescheduled(CEREMONY, DAY.plusWeeks(1), "Maison de quartier",
                       "room unavailable"));
        fixture.given(SCHEDULED).when(new CancelCeremony(CEREMONY, "storm warning")).expectEvents(CANCELLED);
        fixture.given(SCHEDULED, INVITED).when(new RecordCeremonyHeld(CEREMONY, 24, 2, DAY)).expectEvents(HELD);
    }

    /** Moved to where and when it already is, nothing moved: a slip, not an event for the donors to be told of. */
    @Test
    void isRescheduledToAnotherDayOrPlaceOnly() {
        var moved = new CeremonyRescheduled(CEREMONY, DAY.plusWeeks(1), "Maison de quartier", "room unavailable");
        expectRuleBroken(CeremonyRule.RESCHEDULING_CHANGES_SOMETHING, fixture.given(SCHEDULED)
                .when(new RescheduleCeremony(CEREMONY, DAY, "Hôtel de Ville, Poitiers", "?")));
        expectRuleBroken(CeremonyRule.RESCHEDULING_CHANGES_SOMETHING, fixture.given(SCHEDULED, moved)
                .when(new RescheduleCeremony(CEREMONY, DAY.plusWeeks(1), "Maison de quartier", "again")));
        fixture.given(SCHEDULED)
               .when(new RescheduleCeremony(CEREMONY, DAY, "Maison de quartier", "room unavailable"))
               .expectEvents(new CeremonyRescheduled(CEREMONY, DAY, "Maison de quartier", "room unavailable"));
    }

    /** The devices handed over at it were handed over at it, on its day: another room that day changes nothing. */
    @Test
    void isNeitherCancelledNorMovedToAnotherDayOnceDevicesWereHandedOverAtIt() {
        doThrow(new RuleViolation(CeremonyRule.HAND_OVERS_KEEP_THEIR_CEREMONY, "2 devices"))
                .when(calendar).requireNoHandOvers(CEREMONY);
        expectRuleBroken(CeremonyRule.HAND_OVERS_KEEP_THEIR_CEREMONY,
                fixture.given(SCHEDULED).when(new CancelCeremony(CEREMONY, "storm warning")));
        expectRuleBroken(CeremonyRule.HAND_OVERS_KEEP_THEIR_CEREMONY, fixture.given(SCHEDULED)
                .when(new RescheduleCeremony(CEREMONY, DAY.plusDays(1), "Hôtel de Ville, Poitiers", "?")));
        fixture.given(SCHEDULED)
               .when(new RescheduleCeremony(CEREMONY, DAY, "Maison de quartier", "room unavailable"))
               .expectEvents(new CeremonyRescheduled(CEREMONY, DAY, "Maison de quartier", "room unavailable"));
    }

    @Test
    void isRecordedAsHeldOnlyFromItsDay() {
        expectRuleBroken(CeremonyRule.HELD_ON_ITS_DAY,
                fixture.given(SCHEDULED, INVITED).when(new RecordCeremonyHeld(CEREMONY, 24, 2, DAY.minusDays(1))));
        expectRuleBroken(CeremonyRule.HELD_ON_ITS_DAY,
                fixture.given(SCHEDULED, INVITED,
                               new CeremonyRescheduled(CEREMONY, DAY.plusWeeks(1), "Maison de quartier", "?"))
                       .when(new RecordCeremonyHeld(CEREMONY, 24, 2, DAY)));
        fixture.given(SCHEDULED, INVITED).when(new RecordCeremonyHeld(CEREMONY, 24, 2, DAY.plusDays(2)))
               .expectEvents(HELD);
    }

    /** The donors present go on each invited donor's report: a thousand typed for ten is no count of a room. */
    @Test
    void isRecordedAsHeldWithNoMoreDonorsThanWereInvited() {
        expectRuleBroken(CeremonyRule.DONORS_PRESENT_WERE_INVITED,
                fixture.given(SCHEDULED, INVITED).when(new RecordCeremonyHeld(CEREMONY, 24, 3, DAY)));
        expectRuleBroken(CeremonyRule.DONORS_PRESENT_WERE_INVITED,
                fixture.given(SCHEDULED).when(new RecordCeremonyHeld(CEREMONY, 0, 1, DAY)));
        fixture.given(SCHEDULED).when(new RecordCeremonyHeld(CEREMONY, 0, 0, DAY))
               .expectEvents(new CeremonyHeld(CEREMONY, 0, 0));
    }

    @Test
    void leavesAHeldOrCancelledCeremonyAsItWas() {
        expectRuleBroken(CeremonyRule.CEREMONY_STILL_PLANNED,
                fixture.given(SCHEDULED, HELD).when(new RescheduleCeremony(CEREMONY, DAY, "elsewhere", "?")));
        expectRuleBroken(CeremonyRule.CEREMONY_STILL_PLANNED,
                fixture.given(SCHEDULED, CANCELLED).when(new RecordCeremonyHeld(CEREMONY, 1, 1, DAY)));
        expectRuleBroken(CeremonyRule.CEREMONY_STILL_PLANNED,
                fixture.given(SCHEDULED, CANCELLED).when(new InviteDonors(CEREMONY, List.of(BANK))));
        expectRuleBroken(CeremonyRule.CEREMONY_STILL_PLANNED,
                fixture.given(SCHEDULED, HELD).when(new CancelCeremony(CEREMONY, "too late")));
    }
}
