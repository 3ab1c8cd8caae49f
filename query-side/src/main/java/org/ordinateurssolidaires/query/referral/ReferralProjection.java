package org.ordinateurssolidaires.query.referral;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.referral.PersonalDataForgotten;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralFulfilled;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralRejected;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.events.referral.ReferralWithdrawn;
import org.ordinateurssolidaires.events.referral.SecondReferralJustified;
import org.ordinateurssolidaires.query.referral.ReferralRecord.Status;
import org.ordinateurssolidaires.query.readmodel.ReadModelProjection;
import org.ordinateurssolidaires.query.readmodel.ReadModelTables;
import org.ordinateurssolidaires.query.readmodel.WritesPerBatch;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Referrals and the waiting list. Each device event that names a referral is sequenced with that referral's own
 * events ({@link ReferralSequencing}), in whichever segment they fall, so that an allocation is never applied before
 * the referral it names.
 */
@Component
@ProcessingGroup(ReferralProjection.PROCESSING_GROUP)
@ReadModelTables({"referral_record"})
class ReferralProjection extends ReadModelProjection {

    static final String PROCESSING_GROUP = "referrals";

    private final ReferralRecordRepository referrals;

    ReferralProjection(ReferralRecordRepository referrals, WritesPerBatch writes) {
        this.referrals = referrals;
        writes.readWithTheBatch(PROCESSING_GROUP, ReferralRecord.class); // a row per referral, its events' sequence
    }

    @EventHandler
    void on(ReferralSubmitted event) {
        insert(new ReferralRecord(event));
    }

    @EventHandler
    void on(ReferralAccepted event) {
        update(event.referralId(), ReferralRecord::accepted);
    }

    @EventHandler
    void on(ReferralRejected event) {
        update(event.referralId(), referral -> referral.closed(Status.REJECTED, event.reason()));
    }

    @EventHandler
    void on(ReferralWithdrawn event) {
        update(event.referralId(), referral -> referral.closed(Status.WITHDRAWN, event.reason()));
    }

    @EventHandler
    void on(PersonalDataForgotten event) {
        update(event.referralId(), ReferralRecord::forgotten);
    }

    @EventHandler
    void on(DeviceAllocated event) {
        update(event.referralId(), referral -> referral.allocated(event.deviceId().value()));
    }

    @EventHandler
    void on(AllocationCancelled event) {
        update(event.referralId(), referral -> referral.allocationCancelled(event.deviceId().value()));
    }

    @EventHandler
    void on(SecondReferralJustified event) {
        update(event.referralId(), referral -> referral.secondReferralJustified(event.justification()));
    }

    @EventHandler
    void on(ReferralFulfilled event) {
        update(event.referralId(), ReferralRecord::fulfilled);
    }

    /** Hand-overs recorded before referrals were fulfilled by an event of their own fulfil them as well. */
    @EventHandler
    void on(DeviceHandedOver event) {
        update(event.referralId(), ReferralRecord::fulfilled);
    }

    @EventHandler
    void on(DeviceReturned event) {
        update(event.referralId(), referral -> referral.deviceReturned(event.deviceId().value(), event.returnedAt()));
    }

    @QueryHandler
    List<HouseholdsEquipped> handle(HouseholdsEquipped.CountByCriterion query) {
        return query.referralIds().isEmpty() ? List.of() : referrals.countByCriterion(query.referralIds());
    }

    @QueryHandler
    HouseholdCodes handle(HouseholdCodes.Fetch query) {
        return new HouseholdCodes(referrals.findAllById(query.referralIds()).stream()
                .collect(Collectors.toMap(ReferralRecord::getReferralId, ReferralRecord::getHouseholdCode)));
    }

    @ResetHandler
    void reset() {
        referrals.deleteAllInBatch();
    }

    /**
     * Devices allocated before referrals were recorded in the programme (earlier data, the demo set) name referrals
     * this read model never saw: there is nothing to update for them.
     */
    private void update(ReferralId referralId, Consumer<ReferralRecord> change) {
        row(ReferralRecord.class, referralId.value()).ifPresent(referral -> {
            change.accept(referral);
        });
    }
}
