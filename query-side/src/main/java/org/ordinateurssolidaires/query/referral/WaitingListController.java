package org.ordinateurssolidaires.query.referral;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.query.inventory.DeviceState;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.DeviceView;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.FetchDevice;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The waiting list, each partner's referrals, and the household proposed for a ready device. */
@RestController
@Tag(name = "Waiting list", description = "accepted referrals in the programme's order of preference")
class WaitingListController {

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;
    private final QueryGateway queries;
    private final Clock clock = Clock.systemUTC();

    WaitingListController(ReferralRecordRepository referrals, PartnerRecordRepository partners,
                          QueryGateway queries) {
        this.referrals = referrals;
        this.partners = partners;
        this.queries = queries;
    }

    /** A household in line, known by its code only; the partner that referred it by its name too. */
    record WaitingHousehold(int position, UUID referralId, String householdCode, UUID partnerId,
                            String partnerName, EligibilityCriterion criterion, int householdSize, int children, DeviceCategory need,
                            Instant referredAt, long daysWaiting) {
    }

    @GetMapping("/api/waiting-list")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Accepted referrals not yet fulfilled: by criterion, then referral date")
    List<WaitingHousehold> waitingList(@RequestParam(required = false) UUID partnerId,
                                       @RequestParam(required = false) DeviceCategory need) {
        List<ReferralRecord> waiting = referrals.waitingList(partnerId, need);
        // one query for the partners' names, however long the list
        Map<UUID, String> names = partners.findAllById(waiting.stream().map(ReferralRecord::getPartnerId)
                                                              .collect(Collectors.toSet())).stream()
                                          .collect(Collectors.toMap(PartnerRecord::getPartnerId, PartnerRecord::getName));
        Instant now = clock.instant();
        return IntStream.range(0, waiting.size()).mapToObj(i -> {
            ReferralRecord referral = waiting.get(i);
            return new WaitingHousehold(i + 1, referral.getReferralId(), referral.getHouseholdCode(),
                    referral.getPartnerId(), names.get(referral.getPartnerId()), referral.getCriterion(), referral.getHouseholdSize(),
                    referral.getChildren(), referral.getNeed(), referral.getSubmittedAt(),
                    Duration.between(referral.getSubmittedAt(), now).toDays());
        }).toList();
    }

    @GetMapping("/api/partners/{partnerId}/referrals")
    @PreAuthorize(Access.STAFF_OR_PARTNER)
    @Operation(summary = "A partner's own referrals and where each stands")
    List<ReferralRecord> partnersReferrals(@PathVariable UUID partnerId) {
        Caller.current().requirePartner(partnerId);
        return referrals.findByPartnerIdOrderBySubmittedAt(partnerId);
    }

    /** Staff confirm it, or choose another with a reason, through the allocation command. */
    @GetMapping("/api/devices/{deviceId}/proposed-referral")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "The next household in line whose need matches this ready device")
    WaitingHousehold proposal(@PathVariable UUID deviceId) {
        DeviceView device = queries.query(new FetchDevice(deviceId), ResponseTypes.optionalInstanceOf(DeviceView.class))
                                   .join()
                                   .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                           "no device " + deviceId));
        if (device.state() != DeviceState.READY) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "device " + deviceId + " is not ready");
        }
        return waitingList(null, device.category()).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no household is waiting for a " + device.category().name().toLowerCase()));
    }
}
