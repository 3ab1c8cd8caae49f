package org.ordinateurssolidaires.command.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.referral.PersonalDataForgotten;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralRejected;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.ReferralWithdrawn;
import org.ordinateurssolidaires.events.referral.SecondReferralJustified;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's referral of a household. Its personal data enters the event store only encrypted, under a key of
 * its own ({@link PersonalDataVault}); forgetting the household deletes that key.
 */
@Aggregate(filterEventsByType = true)
public class Referral {

    private enum Status {
        AWAITING_DECISION, ACCEPTED, REJECTED, WITHDRAWN, FULFILLED;

        String inWords() {
            return name().toLowerCase().replace('_', ' ');
        }
    }

    @AggregateIdentifier
    private ReferralId referralId;
    private Status status;
    private String personalDataKey;
    private boolean forgotten;
    /** Staff recorded why a household already equipped should be equipped again. */
    private boolean secondReferralJustified;
    /** When the referral came to its status: its submission, then its acceptance. */
    private Instant statusSince;

    protected Referral() {
        // for Axon: rebuilt from its events
    }

    /**
     * The household's identifiers are remembered (hashed) in the same transaction, to recognise it later. A household
     * the programme already equipped is refused to staff without their justification; a partner's referral of it is
     * recorded as any other, for the partner's answer must not tell who the programme helped, and staff find it out
     * as they accept it ({@link #handle(AcceptReferral, HouseholdRegister)}).
     */
    @CommandHandler
    public Referral(SubmitReferral command, PartnerRoster partners, HouseholdRegister households,
                    PersonalDataVault vault) {
        partners.requireActive(command.partnerId(), ReferralRule.REFERRAL_BY_AN_ACTIVE_PARTNER);
        boolean equippedBefore = households.alreadyEquipped(command.personalData());
        if (equippedBefore && command.alreadyEquippedJustification() == null && command.byStaff()) {
            throw new RuleViolation(ReferralRule.SECOND_REFERRAL_JUSTIFIED, "the programme already equipped this "
                    + "household: staff record why it should be equipped again (alreadyEquippedJustification)");
        }
        households.remember(command.referralId(), command.personalData());
        apply(new ReferralSubmitted(command.referralId(), command.partnerId(), command.householdCode(),
                command.criterion(), command.householdSize(), command.children(), command.need(),
                vault.seal("referral:" + command.referralId(), command.personalData()),
                command.submittedAt()));
        if (equippedBefore && command.alreadyEquippedJustification() != null) {
            apply(new SecondReferralJustified(command.referralId(), command.alreadyEquippedJustification()));
        }
    }

    /**
     * A household the programme already equipped joins the waiting list only with staff's justification; one whose
     * data was erased meanwhile, never: no one could tell it a device waits for it (an outside probe).
     */
    @CommandHandler
    void handle(AcceptReferral command, HouseholdRegister households) {
        requireAwaitingDecision();
        if (forgotten) {
            throw new RuleViolation(ReferralRule.ACCEPTANCE_OF_A_HOUSEHOLD_WITH_ITS_DATA, "referral " + referralId
                    + "'s personal data was erased at the household's request: reject it");
        }
        refuseDatedBeforeItsStatus(command.acceptedAt());
        requireJustifiedIfEquippedThroughAnother(households, "the programme already equipped this household: reject"
                + " this referral, or refer it again with staff's justification (alreadyEquippedJustification)");
        apply(new ReferralAccepted(referralId, command.acceptedAt()));
    }

    @CommandHandler
    void handle(RejectReferral command) {
        requireAwaitingDecision();
        refuseDatedBeforeItsStatus(command.rejectedAt());
        apply(new ReferralRejected(referralId, command.reason(), command.rejectedAt()));
    }

    @CommandHandler
    void handle(WithdrawReferral command, ReferralStandings standings) {
        if (status != Status.AWAITING_DECISION && status != Status.ACCEPTED) {
            throw new RuleViolation(ReferralRule.WITHDRAWAL_BEFORE_OUTCOME,
                    "referral " + referralId + " is " + status.inWords());
        }
        refuseDatedBeforeItsStatus(command.withdrawnAt());
        standings.requireNoDeviceAllocated(referralId);
        apply(new ReferralWithdrawn(referralId, command.reason(), command.withdrawnAt()));
    }

    /**
     * Once, while accepted; later hand-overs to the same household record only their devices' events. A household
     * referred twice while waiting (by two partners, say) is equipped through one referral only: once it was, the
     * other is refused its hand-over unless it carries staff's justification, as a new referral would.
     */
    @CommandHandler
    void handle(FulfilReferral command, HouseholdRegister households) {
        if (status == Status.FULFILLED) {
            return;
        }
        if (status != Status.ACCEPTED) {
            throw new RuleViolation(ReferralRule.FULFILMENT_OF_AN_ACCEPTED_REFERRAL,
                    "referral " + referralId + " is " + status.inWords());
        }
        requireJustifiedIfEquippedThroughAnother(households, "the programme equipped this household through another"
                + " referral since this one was made: cancel the allocation and withdraw this referral; a new one with"
                + " staff's justification (alreadyEquippedJustification) equips it again");
        apply(new ReferralFulfilled(referralId, command.devices(), command.fulfilledAt()));
    }

    /** The key and the hashed identifiers go in the same transaction as the event that records they are gone. */
    @CommandHandler
    void handle(ForgetPersonalData command, PersonalDataVault vault, HouseholdRegister households) {
        if (forgotten) {
            throw new RuleViolation(ReferralRule.FORGOTTEN_ONCE, "referral " + referralId + " was already forgotten");
        }
        vault.forget(personalDataKey);
        households.forget(referralId);
        apply(new PersonalDataForgotten(referralId, personalDataKey));
    }

    /** A household another referral equipped is accepted or equipped through this one only with staff's reason. */
    private void requireJustifiedIfEquippedThroughAnother(HouseholdRegister households, String why) {
        if (!secondReferralJustified && households.equippedThroughAnother(referralId)) {
            throw new RuleViolation(ReferralRule.SECOND_REFERRAL_JUSTIFIED, why);
        }
    }

    /** A decision, or a withdrawal, is not dated before the submission or the acceptance it follows. */
    private void refuseDatedBeforeItsStatus(Instant moment) {
        if (moment != null && statusSince != null && moment.isBefore(statusSince)) {
            throw new RuleViolation(ReferralRule.DECISIONS_IN_ORDER_OF_TIME, "the step is dated " + moment
                    + ", before the referral was " + status.inWords() + ", at " + statusSince);
        }
    }

    private void requireAwaitingDecision() {
        if (status != Status.AWAITING_DECISION) {
            throw new RuleViolation(ReferralRule.DECIDED_ONCE,
                    "referral " + referralId + " is " + status.inWords());
        }
    }

    @EventSourcingHandler
    void on(ReferralSubmitted event) {
        referralId = event.referralId();
        status = Status.AWAITING_DECISION;
        personalDataKey = event.personalData().keyId();
        statusSince = event.submittedAt();
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = Status.ACCEPTED;
        statusSince = event.acceptedAt();
    }

    @EventSourcingHandler
    void on(ReferralRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(ReferralWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ReferralFulfilled event) {
        status = Status.FULFILLED;
    }

    @EventSourcingHandler
    void on(PersonalDataForgotten event) {
        forgotten = true;
    }

    @EventSourcingHandler
    void on(SecondReferralJustified event) {
        secondReferralJustified = true;
    }
}
