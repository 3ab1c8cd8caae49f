package org.ordinateurssolidaires.command.account;

import org.ordinateurssolidaires.command.rules.BusinessRule;

/** The rules of the accounts that sign in to the programme. */
public enum AccountRule implements BusinessRule {
    ACCOUNT_NAME_TAKEN_ONCE("an account's username belongs to one account"),
    ACCOUNT_OF_AN_ACTIVE_PARTNER("a partner's account is opened, given or enabled only while the partner works with "
            + "the programme; its accounts are deactivated with it"),
    AN_ENABLED_ADMIN_REMAINS("at least one enabled admin remains, or nobody could manage accounts any more");

    private final String description;

    AccountRule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
