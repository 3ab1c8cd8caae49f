package org.ordinateurssolidaires.query.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDevice;
import org.ordinateurssolidaires.query.readmodel.NotInTheReadModels;
import org.ordinateurssolidaires.query.readmodel.ReadModelRebuilds;
import org.ordinateurssolidaires.query.referral.WaitingList.FetchWaitingList;
import org.ordinateurssolidaires.query.referral.WaitingList.WaitingHousehold;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.UUID;

/** The waiting list, each partner's referrals, and the household proposed for a ready device. */
@RestController
@Tag(name = "Waiting list", description = "accepted referrals in the programme's order of preference")
class WaitingListController {

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;
    private final WaitingList waitingList;
    private final QueryGateway queries;
    private final ReadModelRebuilds rebuilds;

    WaitingListController(ReferralRecordRepository referrals, PartnerRecordRepository partners,
                          WaitingList waitingList, QueryGateway queries, ReadModelRebuilds rebuilds) {
        this.referrals = referrals;
        this.partners = partners;
        this.waitingList = waitingList;
        this.queries = queries;
        this.rebuilds = rebuilds;
    }

    @GetMapping("/api/waiting-list")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Accepted referrals not yet fulfilled: by criterion, then referral date")
    List<WaitingHousehold> waitingList(@RequestParam(required = false) UUID partnerId,
                                       @RequestParam(required = false) DeviceCategory need) {
        return rebuilds.whole(() -> waitingList.handle(new FetchWaitingList(partnerId, need)),
                WaitingList.PROCESSING_GROUP);
    }

    @GetMapping("/api/partners/{partnerId}/referrals")
    @PreAuthorize(Access.STAFF_OR_PARTNER)
    @Operation(summary = "A partner's own referrals and where each stands")
    List<ReferralRecord> partnersReferrals(@PathVariable UUID partnerId) {
        Caller.current().requirePartner(partnerId);
        List<ReferralRecord> its = rebuilds.whole(() -> referrals.findByPartnerIdOrderBySubmittedAt(partnerId),
                WaitingList.PROCESSING_GROUP);
        // a partner there is not would have none either: said so rather than an empty list it could take for its own
        if (its.isEmpty() && !partners.existsById(partnerId)) {
            throw new NotInTheReadModels("no partner " + partnerId);
        }
        return its;
    }

    /** Staff confirm it, or choose another with a reason, through the allocation command. */
    @GetMapping("/api/devices/{deviceId}/proposed-referral")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "The next household in line whose need matches this ready device")
    WaitingHousehold proposal(@PathVariable UUID deviceId) {
        DeviceView device = queries.query(new FetchDevice(deviceId), ResponseTypes.optionalInstanceOf(DeviceView.class))
                                   .join()
                                   .orElseThrow(() -> new NotInTheReadModels("no device " + deviceId));
        if (device.state() != DeviceState.READY) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "device " + deviceId + " is not ready");
        }
        return waitingList(null, device.category()).stream().findFirst()
                .orElseThrow(() -> new NotInTheReadModels("no household is waiting for a "
                        + device.category().name().toLowerCase()));
    }
}
