package org.ordinateurssolidaires.query.referral;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;

/**
 * The referrals read model split over several segments: a device's allocation is an event of the device, not of
 * the referral, yet it is applied after the referral it names, whichever segments the device and the referral
 * would fall in on their own. Were it sequenced by its device, some allocations would be applied first, find no
 * referral and be lost.
 */
class ReferralsInSegmentsIT extends QuerySideIntegrationTest {

    private static final Instant SUBMITTED = Instant.parse("2026-05-04T10:00:00Z");
    private static final int HOUSEHOLDS = 60;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyAllocationIsAppliedAfterTheReferralItNames() {
        var partner = new PartnerId(UUID.randomUUID());
        List<Object> history = new ArrayList<>();
        Map<String, String> allocated = new HashMap<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            var referral = new ReferralId(UUID.randomUUID());
            DeviceId laptop = newDevice();
            history.add(new ReferralSubmitted(referral, partner, "SEG-" + i, EligibilityCriterion.STUDENT, 1, 0,
                    DeviceCategory.LAPTOP, new EncryptedPersonalData("referral:" + referral, "bm9uY2U=", "c2VhbGVk"),
                    SUBMITTED));
            history.add(new ReferralAccepted(referral, SUBMITTED));
            history.add(new DeviceAllocated(laptop, referral, SUBMITTED.plusSeconds(60)));
            allocated.put(referral.toString(), laptop.toString());
        }
        events.append(history); // one after the other in the store, each allocation right behind its referral

        Map<String, String> applied = await().atMost(Duration.ofSeconds(30)).until(() -> allocatedDevices(partner),
                devices -> devices.size() == HOUSEHOLDS);
        assertThat(applied).isEqualTo(allocated);
        StreamingEventProcessor referrals = processing.eventProcessor("referrals", StreamingEventProcessor.class)
                                                      .orElseThrow();
        assertThat(referrals.processingStatus()).as("segments of the referrals group").hasSizeGreaterThan(1);
    }

    /** Each of the partner's referrals that shows a device allocated, with that device. */
    private Map<String, String> allocatedDevices(PartnerId partner) {
        JsonNode referrals = http.getForObject("/api/partners/" + partner + "/referrals", JsonNode.class);
        return StreamSupport.stream(referrals.spliterator(), false)
                            .filter(referral -> referral.hasNonNull("allocatedDevice"))
                            .collect(Collectors.toMap(referral -> referral.get("referralId").asString(),
                                    referral -> referral.get("allocatedDevice").asString()));
    }
}
