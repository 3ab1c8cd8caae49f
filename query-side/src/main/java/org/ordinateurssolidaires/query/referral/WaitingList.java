package org.ordinateurssolidaires.query.referral;

import org.axonframework.queryhandling.QueryHandler;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Accepted referrals not yet fulfilled, in the programme's order: by criterion, then referral date. */
@Component
public class WaitingList {

    /** The processor that keeps the waiting list, for a page that shows it right after a form. */
    public static final String PROCESSING_GROUP = ReferralProjection.PROCESSING_GROUP;

    /** @param partnerId only this partner's households; null for all. @param need only those needing it; null for all */
    public record FetchWaitingList(UUID partnerId, DeviceCategory need) {
    }

    /** A household in line, known by its code only; the partner that referred it by its name too. */
    public record WaitingHousehold(int position, UUID referralId, String householdCode, UUID partnerId,
                                   String partnerName, EligibilityCriterion criterion, int householdSize,
                                   int children, DeviceCategory need, Instant referredAt, long daysWaiting) {
    }

    /** How many households wait, for the dashboard. */
    public record CountWaiting() {
    }

    /** @param byCriterion every criterion, 0 when none waits; likewise byNeed for every category */
    public record WaitingCounts(long total, Map<EligibilityCriterion, Long> byCriterion,
                                Map<DeviceCategory, Long> byNeed) {
    }

    private final ReferralRecordRepository referrals;
    private final PartnerRecordRepository partners;
    private final Clock clock = Clock.systemUTC();

    WaitingList(ReferralRecordRepository referrals, PartnerRecordRepository partners) {
        this.referrals = referrals;
        this.partners = partners;
    }

    @QueryHandler
    WaitingCounts handle(CountWaiting query) {
        Map<EligibilityCriterion, Long> byCriterion = new EnumMap<>(EligibilityCriterion.class);
        Arrays.stream(EligibilityCriterion.values()).forEach(criterion -> byCriterion.put(criterion, 0L));
        Map<DeviceCategory, Long> byNeed = new EnumMap<>(DeviceCategory.class);
        Arrays.stream(DeviceCategory.values()).forEach(category -> byNeed.put(category, 0L));
        long total = 0;
        for (var waiting : referrals.countWaiting()) {
            byCriterion.merge(waiting.getCriterion(), waiting.getHouseholds(), Long::sum);
            byNeed.merge(waiting.getNeed(), waiting.getHouseholds(), Long::sum);
            total += waiting.getHouseholds();
        }
        return new WaitingCounts(total, byCriterion, byNeed);
    }

    @QueryHandler
    List<WaitingHousehold> handle(FetchWaitingList query) {
        List<ReferralRecord> waiting = referrals.waitingList(query.partnerId(), query.need());
        // one query for the partners' names, however long the list
        Map<UUID, String> names = partners.findAllById(waiting.stream().map(ReferralRecord::getPartnerId)
                                                              .collect(Collectors.toSet())).stream()
                                          .collect(Collectors.toMap(PartnerRecord::getPartnerId, PartnerRecord::getName));
        Instant now = clock.instant();
        return IntStream.range(0, waiting.size()).mapToObj(i -> {
            ReferralRecord referral = waiting.get(i);
            return new WaitingHousehold(i + 1, referral.getReferralId(), referral.getHouseholdCode(),
                    referral.getPartnerId(), names.get(referral.getPartnerId()), referral.getCriterion(),
                    referral.getHouseholdSize(), referral.getChildren(), referral.getNeed(), referral.getSubmittedAt(),
                    Duration.between(referral.getSubmittedAt(), now).toDays());
        }).toList();
    }
}
