package org.ordinateurssolidaires.command.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.rules.PlainWords;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The set-based check behind {@link ReferralRule#PARTNER_NAME_REGISTERED_ONCE}: which active partner goes by each
 * name, compared in plain words ("CCAS de Poitiers" and "ccas de poitiers" are one name). Kept by a subscribing
 * processor in the same transaction as the partners' events; its key refuses the second of two registrations sent
 * at once.
 */
@Component
@ProcessingGroup("partner-names")
public class PartnerNames {

    private final JdbcTemplate jdbc;

    PartnerNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses (409) a name an active partner goes by, naming that partner. */
    void requireUnused(String name) {
        jdbc.query("select partner_id, name from partner_name where name_key = ?", (row, n) -> "partner "
                   + row.getObject(1, UUID.class) + " is registered as " + row.getString(2), PlainWords.of(name))
            .stream().findFirst()
            .ifPresent(holder -> {
                throw new RuleViolation(ReferralRule.PARTNER_NAME_REGISTERED_ONCE, holder);
            });
    }

    @EventHandler
    void on(PartnerRegistered event) {
        int claimed = jdbc.update("insert into partner_name (name_key, name, partner_id) values (?, ?, ?)"
                                  + " on conflict do nothing", PlainWords.of(event.name()), event.name(),
                event.partnerId().value());
        if (claimed == 0) {
            throw new RuleViolation(ReferralRule.PARTNER_NAME_REGISTERED_ONCE,
                    "another partner was registered as " + event.name() + " a moment ago");
        }
    }

    @EventHandler
    void on(PartnerDeactivated event) {
        jdbc.update("delete from partner_name where partner_id = ?", event.partnerId().value());
    }
}
