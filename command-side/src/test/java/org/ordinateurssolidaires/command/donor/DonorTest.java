package org.ordinateurssolidaires.command.donor;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.donor.AgreementCommitments;
import org.ordinateurssolidaires.events.donor.AgreementId;
import org.ordinateurssolidaires.events.donor.AgreementSigned;
import org.ordinateurssolidaires.events.donor.AgreementTerminated;
import org.ordinateurssolidaires.events.donor.DonorDetailsCorrected;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.donor.DonorKind;
import org.ordinateurssolidaires.events.donor.DonorRegistered;
import org.ordinateurssolidaires.events.donor.Siret;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.ordinateurssolidaires.command.rules.RuleAssertions.expectRuleBroken;

/** The rules of donors and their agreements. */
class DonorTest {

    private static final DonorId DONOR = new DonorId(UUID.fromString("00000000-0000-4000-8000-00000000d0d0"));
    private static final AgreementId AGREEMENT = new AgreementId(UUID.fromString("00000000-0000-4000-8000-0000000000a9"));
    private static final Siret SIRET = new Siret("73282932000074");
    private static final Siret ANOTHER_SIRET = new Siret("44218736500022");
    private static final DonorId ANOTHER_DONOR = new DonorId(UUID.fromString("00000000-0000-4000-8000-00000000d0d1"));
    private static final AgreementCommitments ALL_FOUR = new AgreementCommitments(true, true, true, true);
    private static final LocalDate SIGNED = LocalDate.parse("2026-01-15");
    private static final LocalDate UNTIL = LocalDate.parse("2028-12-31");

    private static final DonorRegistered REGISTERED = new DonorRegistered(DONOR, "Banque Régionale du Centre-Ouest",
            DonorKind.COMPANY, SIRET, "Claire Dubois", "claire.dubois@example.org");
    private static final AgreementSigned SIGNED_AGREEMENT = new AgreementSigned(DONOR, AGREEMENT, "2023-0208",
            "Paul Martin", "Directeur général", SIGNED, SIGNED, UNTIL, ALL_FOUR);

    private FixtureConfiguration<Donor> fixture;
    private DonorAgreements receptions;
    private SiretRegistry sirets;

    /**
     * By default no device was received under the agreement after the day it is terminated on, and no SIRET is
     * registered (the mock's empty holder).
     */
    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Donor.class);
        receptions = mock(DonorAgreements.class);
        sirets = mock(SiretRegistry.class);
        fixture.registerInjectableResource(receptions);
        fixture.registerInjectableResource(sirets);
    }

    @Test
    void registersADonor() {
        fixture.givenNoPriorActivity()
               .when(new RegisterDonor(DONOR, "Banque Régionale du Centre-Ouest", DonorKind.COMPANY, SIRET,
                       "Claire Dubois", "claire.dubois@example.org"))
               .expectEvents(REGISTERED);
    }

    @Test
    void correctsDetailsWithAReason() {
        fixture.given(REGISTERED)
               .when(new CorrectDonorDetails(DONOR, null, null, "Luc Bernard", "luc.bernard@example.org",
                       "new contact person"))
               .expectEvents(new DonorDetailsCorrected(DONOR, null, null, "Luc Bernard", "luc.bernard@example.org",
                       "new contact person"));
    }

    @Test
    void refusesASiretRegisteredForAnotherDonor() {
        when(sirets.holder(SIRET)).thenReturn(Optional.of(ANOTHER_DONOR));
        expectRuleBroken(DonorRule.SIRET_REGISTERED_ONCE, fixture.givenNoPriorActivity()
                .when(new RegisterDonor(DONOR, "Banque Régionale du Centre-Ouest", DonorKind.COMPANY, SIRET,
                        "Claire Dubois", "claire.dubois@example.org")));

        when(sirets.holder(ANOTHER_SIRET)).thenReturn(Optional.of(ANOTHER_DONOR));
        expectRuleBroken(DonorRule.SIRET_REGISTERED_ONCE, fixture.given(REGISTERED)
                .when(new CorrectDonorDetails(DONOR, null, ANOTHER_SIRET, null, null, "typed wrong")));
    }

    /**
     * A SIRET sent again unchanged is no correction of it: left out of the event, and not checked, so a donor
     * registered with another's SIRET before the rule can still have its contact corrected.
     */
    @Test
    void leavesAnUnchangedSiretOutOfACorrection() {
        when(sirets.holder(SIRET)).thenReturn(Optional.of(ANOTHER_DONOR));
        fixture.given(REGISTERED)
               .when(new CorrectDonorDetails(DONOR, null, SIRET, "Luc Bernard", null, "new contact person"))
               .expectEvents(new DonorDetailsCorrected(DONOR, null, null, "Luc Bernard", null, "new contact person"));

        var corrected = new DonorDetailsCorrected(DONOR, null, ANOTHER_SIRET, null, null, "typed wrong");
        fixture.given(REGISTERED)
               .when(new CorrectDonorDetails(DONOR, null, ANOTHER_SIRET, null, null, "typed wrong"))
               .expectEvents(corrected);
        expectRuleBroken(DonorRule.CORRECTION_CHANGES_SOMETHING, fixture.given(REGISTERED, corrected)
                .when(new CorrectDonorDetails(DONOR, null, ANOTHER_SIRET, null, null, "sent again")));
    }

    /** Found by an outside probe: the same details sent twice were two corrections, the second of nothing. */
    @Test
    void refusesACorrectionThatChangesNothing() {
        var corrected = new DonorDetailsCorrected(DONOR, "Banque du Centre-Ouest", null, null, null, "new name");
        expectRuleBroken(DonorRule.CORRECTION_CHANGES_SOMETHING, fixture.given(REGISTERED, corrected)
                .when(new CorrectDonorDetails(DONOR, "Banque du Centre-Ouest", SIRET, "Claire Dubois",
                        "claire.dubois@example.org", "sent again")));
        fixture.given(REGISTERED, corrected)
               .when(new CorrectDonorDetails(DONOR, "Banque du Centre-Ouest", null, "Luc Bernard", null, "contact"))
               .expectEvents(new DonorDetailsCorrected(DONOR, "Banque du Centre-Ouest", null, "Luc Bernard", null,
                       "contact"));
    }

    @Test
    void recordsAnAgreementStatingTheFourCommitments() {
        fixture.given(REGISTERED)
               .when(new SignAgreement(DONOR, AGREEMENT, "2023-0208", "Paul Martin", "Directeur général", SIGNED,
                       SIGNED, UNTIL, ALL_FOUR))
               .expectEvents(SIGNED_AGREEMENT);
    }

    @Test
    void refusesAnAgreementWithoutTheModelAgreementsCommitments() {
        expectRuleBroken(DonorRule.MODEL_AGREEMENT_COMMITMENTS,
                fixture.given(REGISTERED)
                       .when(new SignAgreement(DONOR, AGREEMENT, "2023-0208", "Paul Martin", "Directeur général",
                               SIGNED, SIGNED, UNTIL, new AgreementCommitments(true, true, true, false))));
        // said with the request's names of what is missing, not the record's text
        fixture.given(REGISTERED)
               .when(new SignAgreement(DONOR, AGREEMENT, "2023-0208", "Paul Martin", "Directeur général",
                       SIGNED, SIGNED, UNTIL, new AgreementCommitments(false, true, true, false)))
               .expectExceptionMessage("commitments not made: freeForBeneficiary, handOverCeremony");
    }

    /** Signed after its end, an agreement would put in force, afterwards, receptions already past. */
    @Test
    void refusesAnAgreementSignedAfterItsValidityEnds() {
        expectRuleBroken(DonorRule.SIGNED_BEFORE_IT_ENDS,
                fixture.given(REGISTERED)
                       .when(new SignAgreement(DONOR, AGREEMENT, "2023-0208", "Paul Martin", "Directeur général",
                               SIGNED, LocalDate.parse("2000-01-01"), SIGNED.minusDays(1), ALL_FOUR)));
        fixture.given(REGISTERED)
               .when(new SignAgreement(DONOR, AGREEMENT, "2023-0208", "Paul Martin", "Directeur général",
                       SIGNED, LocalDate.parse("2025-01-01"), SIGNED, ALL_FOUR))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesAValidityPeriodThatEndsBeforeItStarts() {
        expectRuleBroken(DonorRule.VALIDITY_PERIOD_IN_ORDER,
                fixture.given(REGISTERED)
                       .when(new SignAgreement(DONOR, AGREEMENT, "2023-0208", "Paul Martin", "Directeur général",
                               SIGNED, UNTIL, SIGNED, ALL_FOUR)));
    }

    @Test
    void recordsAnAgreementOnce() {
        expectRuleBroken(DonorRule.AGREEMENT_RECORDED_ONCE,
                fixture.given(REGISTERED, SIGNED_AGREEMENT)
                       .when(new SignAgreement(DONOR, AGREEMENT, "2023-0208", "Paul Martin", "Directeur général",
                               SIGNED, SIGNED, UNTIL, ALL_FOUR)));
    }

    @Test
    void terminatesAnAgreementOnce() {
        var terminated = new AgreementTerminated(DONOR, AGREEMENT, LocalDate.parse("2027-06-30"), "company closed");
        fixture.given(REGISTERED, SIGNED_AGREEMENT)
               .when(new TerminateAgreement(DONOR, AGREEMENT, LocalDate.parse("2027-06-30"), "company closed"))
               .expectEvents(terminated);

        expectRuleBroken(DonorRule.AGREEMENT_TERMINATED_ONCE,
                fixture.given(REGISTERED, SIGNED_AGREEMENT, terminated)
                       .when(new TerminateAgreement(DONOR, AGREEMENT, LocalDate.parse("2027-07-01"), "again")));
    }

    /** Terminated before it began, or after it ended, it would say the donor gave under no agreement. */
    @Test
    void terminatesAnAgreementOnADayOfItsValidityOnly() {
        for (LocalDate outside : List.of(SIGNED.minusDays(1), UNTIL.plusDays(1))) {
            expectRuleBroken(DonorRule.TERMINATION_WITHIN_VALIDITY, fixture.given(REGISTERED, SIGNED_AGREEMENT)
                    .when(new TerminateAgreement(DONOR, AGREEMENT, outside, "company closed")));
        }
        for (LocalDate within : List.of(SIGNED, UNTIL)) {
            fixture.given(REGISTERED, SIGNED_AGREEMENT)
                   .when(new TerminateAgreement(DONOR, AGREEMENT, within, "company closed"))
                   .expectEvents(new AgreementTerminated(DONOR, AGREEMENT, within, "company closed"));
        }
    }

    /** Terminated before devices it alone covered were received, it would say they were given under none. */
    @Test
    void isNotTerminatedBeforeTheLastDeviceReceivedUnderItAlone() {
        LocalDate end = LocalDate.parse("2026-03-01");
        UUID device = UUID.fromString("00000000-0000-4000-8000-0000000000de");
        when(receptions.receivedUnderItAlone(DONOR, AGREEMENT, end)).thenReturn(List.of(
                new DonorAgreements.Reception(device, LocalDate.parse("2026-06-01"))));

        expectRuleBroken(DonorRule.TERMINATION_AFTER_ITS_RECEPTIONS, fixture.given(REGISTERED, SIGNED_AGREEMENT)
                .when(new TerminateAgreement(DONOR, AGREEMENT, end, "company closed")));
        fixture.given(REGISTERED, SIGNED_AGREEMENT)
               .when(new TerminateAgreement(DONOR, AGREEMENT, end, "company closed"))
               .expectExceptionMessage("1 device(s) were received under agreement " + AGREEMENT + " alone after "
                                       + "2026-03-01, the last, " + device + ", on 2026-06-01: terminate it on "
                                       + "2026-06-01 or later");
    }

    @Test
    void refusesToTerminateAnAgreementItNeverSigned() {
        fixture.given(REGISTERED)
               .when(new TerminateAgreement(DONOR, AGREEMENT, LocalDate.parse("2027-06-30"), "?"))
               .expectException(UnknownEntity.class)
               .expectNoEvents();
    }
}
