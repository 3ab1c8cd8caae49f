package org.ordinateurssolidaires.command.referral;

import org.ordinateurssolidaires.command.rules.BusinessRule;

/** The rules of partners and referrals. */
public enum ReferralRule implements BusinessRule {
    PARTNER_ACTIVE("only an active partner can be deactivated"),
    PARTNER_NAME_REGISTERED_ONCE("two active partners are not registered under one name (compared by its "
            + "letters and digits as they look, without accents or case)"),
    CONTACTS_OF_AN_ACTIVE_PARTNER("contact people are added only to an active partner"),
    REFERRAL_BY_AN_ACTIVE_PARTNER("only an active partner refers households"),
    SECOND_REFERRAL_JUSTIFIED("a household the programme already equipped is referred again, or equipped through a "
            + "second referral made meanwhile, only with staff's justification"),
    FULFILMENT_OF_AN_ACCEPTED_REFERRAL("a referral is fulfilled only once accepted, and not after it was closed"),
    DECIDED_ONCE("a referral is accepted or rejected once, while it awaits a decision"),
    DECISIONS_IN_ORDER_OF_TIME("a referral is accepted or rejected no earlier than it was submitted, and withdrawn no "
            + "earlier than it was submitted or accepted"),
    WITHDRAWAL_BEFORE_OUTCOME("a referral is withdrawn only while it awaits a decision or its device"),
    WITHDRAWAL_WITHOUT_A_DEVICE_ALLOCATED("a referral with a device allocated to it is withdrawn once that allocation "
            + "is cancelled, so that the device is offered to the next household"),
    FORGOTTEN_ONCE("a household's personal data is erased once"),
    ACCEPTANCE_OF_A_HOUSEHOLD_WITH_ITS_DATA("a household whose personal data was erased cannot be contacted: its "
            + "referral is rejected, not accepted into the waiting list"),
    ALLOCATION_TO_A_WAITING_REFERRAL("a device is allocated to an accepted referral, not yet closed, that needs that "
            + "kind of device"),
    ALLOCATION_AFTER_ACCEPTANCE("a device is allocated to a household no earlier than the minute its referral was "
            + "accepted"),
    ALLOCATION_IN_TURN("a device goes to the next household in line for that kind of device, unless staff record "
            + "why another");

    private final String description;

    ReferralRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
