package org.ordinateurssolidaires.command.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralRejected;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.ReferralWithdrawn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    private record Standing(String need, boolean accepted, boolean closed, Instant acceptedAt) {
    }

    /**
     * Refuses an unknown referral (404), or one not accepted, closed, needing another kind of device, or accepted
     * after {@code allocatedAt} (409). Its row stays locked until the allocation commits: a withdrawal at the same
     * moment waits, then finds the device.
     */
    public void requireOpenFor(ReferralId referral, DeviceCategory category, Instant allocatedAt) {
        List<Standing> standings = jdbc.query(
                "select need, accepted, closed, accepted_at from referral_standing where referral_id = ? for update",
                (row, n) -> new Standing(row.getString(1), row.getBoolean(2), row.getBoolean(3),
                        Optional.ofNullable(row.getTimestamp(4)).map(Timestamp::toInstant).orElse(null)),
                referral.value());
        if (standings.isEmpty()) {
            throw new UnknownEntity(UnknownEntity.Kind.REFERRAL, "no referral " + referral);
        }
        Standing standing = standings.get(0);
        if (!standing.accepted() || standing.closed() || !standing.need().equals(category.name())) {
            throw new RuleViolation(ReferralRule.ALLOCATION_TO_A_WAITING_REFERRAL, "referral " + referral
                    + (!standing.accepted() ? " is not accepted" : standing.closed() ? " is closed"
                    : " needs a " + standing.need().toLowerCase() + ", not a " + category.name().toLowerCase()));
        }
        // to the minute: a page's form dates the allocation to the minute, the acceptance to the instant it arrived
        if (standing.acceptedAt() != null
            && allocatedAt.isBefore(standing.acceptedAt().truncatedTo(ChronoUnit.MINUTES))) {
            throw new RuleViolation(ReferralRule.ALLOCATION_AFTER_ACCEPTANCE, "the allocation is dated "
                    + allocatedAt + ", before referral " + referral + " was accepted, at " + standing.acceptedAt());
        }
    }

    /**
     * Refuses to close a referral with a device allocated to it (409): the device would stay promised to a household
     * no longer waiting. Its row stays locked until the withdrawal commits: an allocation at the same moment waits,
     * then finds it closed.
     */
    public void requireNoDeviceAllocated(ReferralId referral) {
        jdbc.queryForList("select devices_allocated from referral_standing where referral_id = ? for update",
                Integer.class, referral.value()).stream().filter(allocated -> allocated > 0).findFirst()
            .ifPresent(allocated -> {
                throw new RuleViolation(ReferralRule.WITHDRAWAL_WITHOUT_A_DEVICE_ALLOCATED, "referral " + referral
                        + " has " + allocated + " device(s) allocated to it: cancel the allocation first");
            });
    }

    /** Whether the referral was recorded in the programme (devices allocated before referrals were are not). */
    public boolean isKnown(ReferralId referral) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from referral_standing where referral_id = ?)", Boolean.class, referral.value()));
    }

    /**
     * The household next in line for this kind of device: accepted, open, no device allocated to it now; by
     * criterion rank, then referral date (the waiting list's order). The candidates stay locked until the
     * allocation commits, so that two allocations at once cannot both pass the same household over unexplained.
     */
    public Optional<ReferralId> nextInLineFor(DeviceCategory category) {
        return jdbc.queryForList("""
                        select referral_id from referral_standing
                        where need = ? and accepted and not closed and devices_allocated = 0
                        order by criterion_rank, submitted_at, referral_id for update""", UUID.class, category.name())
                   .stream().findFirst().map(ReferralId::new);
    }

    @EventHandler
    void on(ReferralSubmitted event) {
        jdbc.update("insert into referral_standing (referral_id, need, criterion_rank, submitted_at) values (?, ?, ?, ?)",
                event.referralId().value(), event.need().name(), event.criterion().rank(),
                Timestamp.from(event.submittedAt()));
    }

    @EventHandler
    void on(DeviceAllocated event) {
        jdbc.update("update referral_standing set devices_allocated = devices_allocated + 1 where referral_id = ?",
                event.referralId().value());
    }

    @EventHandler
    void on(AllocationCancelled event) {
        jdbc.update("update referral_standing set devices_allocated = greatest(devices_allocated - 1, 0)"
                        + " where referral_id = ?",
                event.referralId().value());
    }

    @EventHandler
    void on(ReferralAccepted event) {
        jdbc.update("update referral_standing set accepted = true, accepted_at = ? where referral_id = ?",
                Timestamp.from(event.acceptedAt()), event.referralId().value());
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
