package org.ordinateurssolidaires.command.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.rules.PlainWords;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.events.referral.PartnerDeactivated;
import org.ordinateurssolidaires.events.referral.PartnerRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
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
        holder(PlainWords.key(name)).ifPresent(holder -> {
            throw holder;
        });
    }

    /** The active partner of that name, as it was registered. */
    private Optional<RuleViolation> holder(String key) {
        return jdbc.query("select partner_id, name from partner_name where name_key = ?",
                (row, n) -> new RuleViolation(ReferralRule.PARTNER_NAME_REGISTERED_ONCE, "partner "
                        + row.getObject(1, UUID.class) + " is registered as " + row.getString(2)), key)
                   .stream().findFirst();
    }

    @EventHandler
    void on(PartnerRegistered event) {
        String key = PlainWords.key(event.name());
        int claimed = jdbc.update("insert into partner_name (name_key, name, partner_id) values (?, ?, ?)"
                                  + " on conflict do nothing", key, event.name(), event.partnerId().value());
        if (claimed == 0) { // another took it a moment ago: now committed, it is named
            throw holder(key).orElseGet(() -> new RuleViolation(ReferralRule.PARTNER_NAME_REGISTERED_ONCE,
                    "another partner was registered as " + event.name() + " a moment ago"));
        }
    }

    @EventHandler
    void on(PartnerDeactivated event) {
        jdbc.update("delete from partner_name where partner_id = ?", event.partnerId().value());
    }
}
