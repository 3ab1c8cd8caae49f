package org.ordinateurssolidaires.command.account;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.springframework.stereotype.Component;

/**
 * A partner's accounts stop with the partner: they read the data of the households it referred, which it no
 * longer has a reason to once it stops working with the programme. In the deactivation's own transaction, as every
 * lookup of this side is kept, so that no account of a deactivated partner is left enabled by a failure between.
 */
@Component
@ProcessingGroup("partner-accounts")
class PartnerAccounts {

    private final Accounts accounts;

    PartnerAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(PartnerDeactivated event, @MetaDataValue(EventMetadata.USER_ID) String deactivatedBy) {
        accounts.deactivateAccountsOf(event.partnerId().value(), deactivatedBy == null ? "programme" : deactivatedBy);
    }
}
