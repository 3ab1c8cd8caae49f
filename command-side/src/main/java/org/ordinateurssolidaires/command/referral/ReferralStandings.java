package org.ordinateurssolidaires.command.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralRejected;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.ReferralWithdrawn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Where each referral stands, for the rule that a device goes only to an accepted referral that still waits for
 * that kind of device. A small table kept in the same transaction as the referrals' and devices' events.
 */
@Component
@ProcessingGroup("referral-standings")
public class ReferralStandings {

    private final JdbcTemplate jdbc;

    ReferralStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Standing(String need, boolean accepted, boolean closed) {
    }

    /** Refuses an unknown referral (404), or one not accepted, closed, or needing another kind of device (409). */
    public void requireOpenFor(ReferralId referral, DeviceCategory category) {
        List<Standing> standings = jdbc.query("select need, accepted, closed from referral_standing where referral_id = ?",
                (row, n) -> new Standing(row.getString(1), row.getBoolean(2), row.getBoolean(3)), referral.value());
        if (standings.isEmpty()) {
            throw new UnknownEntity("no referral " + referral);
        }
        Standing standing = standings.get(0);
        if (!standing.accepted() || standing.closed() || !standing.need().equals(category.name())) {
            throw new RuleViolation(ReferralRule.ALLOCATION_TO_A_WAITING_REFERRAL, "referral " + referral
                    + (!standing.accepted() ? " is not accepted" : standing.closed() ? " is closed"
                    : " needs a " + standing.need().toLowerCase() + ", not a " + category.name().toLowerCase()));
        }
    }

    @EventHandler
    void on(ReferralSubmitted event) {
        jdbc.update("insert into referral_standing (referral_id, need) values (?, ?)", event.referralId().value(),
                event.need().name());
    }

    @EventHandler
    void on(ReferralAccepted event) {
        jdbc.update("update referral_standing set accepted = true where referral_id = ?", event.referralId().value());
    }

    @EventHandler
    void on(ReferralRejected event) {
        close(event.referralId());
    }

    @EventHandler
    void on(ReferralWithdrawn event) {
        close(event.referralId());
    }

    @EventHandler
    void on(ReferralFulfilled event) {
        close(event.referralId());
    }

    private void close(ReferralId referral) {
        jdbc.update("update referral_standing set closed = true where referral_id = ?", referral.value());
    }
}
