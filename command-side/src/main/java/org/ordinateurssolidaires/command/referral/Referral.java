package org.ordinateurssolidaires.command.referral;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.referral.PersonalDataForgotten;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralRejected;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.ReferralWithdrawn;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's referral of a household. Its personal data enters the event store only encrypted, under a key of
 * its own ({@link PersonalDataVault}); forgetting the household deletes that key.
 */
@Aggregate
public class Referral {

    private enum Status { AWAITING_DECISION, ACCEPTED, REJECTED, WITHDRAWN }

    @AggregateIdentifier
    private ReferralId referralId;
    private Status status;
    private String personalDataKey;
    private boolean forgotten;

    protected Referral() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Referral(SubmitReferral command, PersonalDataVault vault) {
        apply(new ReferralSubmitted(command.referralId(), command.partnerId(), command.householdCode(),
                command.criterion(), command.householdSize(), command.children(), command.need(),
                command.accessibilityNeeds(), vault.seal("referral:" + command.referralId(), command.personalData()),
                command.submittedAt()));
    }

    @CommandHandler
    void handle(AcceptReferral command) {
        requireAwaitingDecision();
        apply(new ReferralAccepted(referralId, command.acceptedAt()));
    }

    @CommandHandler
    void handle(RejectReferral command) {
        requireAwaitingDecision();
        apply(new ReferralRejected(referralId, command.reason(), command.rejectedAt()));
    }

    @CommandHandler
    void handle(WithdrawReferral command) {
        if (status != Status.AWAITING_DECISION && status != Status.ACCEPTED) {
            throw new RuleViolation(ReferralRule.WITHDRAWAL_BEFORE_OUTCOME,
                    "referral " + referralId + " is " + status.name().toLowerCase().replace('_', ' '));
        }
        apply(new ReferralWithdrawn(referralId, command.reason(), command.withdrawnAt()));
    }

    /** The key goes in the same transaction as the event that records it is gone. */
    @CommandHandler
    void handle(ForgetPersonalData command, PersonalDataVault vault) {
        if (forgotten) {
            throw new RuleViolation(ReferralRule.FORGOTTEN_ONCE, "referral " + referralId + " was already forgotten");
        }
        vault.forget(personalDataKey);
        apply(new PersonalDataForgotten(referralId, personalDataKey));
    }

    private void requireAwaitingDecision() {
        if (status != Status.AWAITING_DECISION) {
            throw new RuleViolation(ReferralRule.DECIDED_ONCE,
                    "referral " + referralId + " is " + status.name().toLowerCase().replace('_', ' '));
        }
    }

    @EventSourcingHandler
    void on(ReferralSubmitted event) {
        referralId = event.referralId();
        status = Status.AWAITING_DECISION;
        personalDataKey = event.personalData().keyId();
    }

    @EventSourcingHandler
    void on(ReferralAccepted event) {
        status = Status.ACCEPTED;
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
    void on(PersonalDataForgotten event) {
        forgotten = true;
    }
}
