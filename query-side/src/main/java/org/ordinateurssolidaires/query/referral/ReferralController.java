package org.ordinateurssolidaires.query.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.PersonalData;
import org.ordinateurssolidaires.query.referral.ReferralRecord.Status;
import org.ordinateurssolidaires.web.security.Access;
import org.ordinateurssolidaires.web.security.Caller;
import org.ordinateurssolidaires.web.security.Role;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One referral as staff see it: unlike a partner's list, with its people's data, as long as it can be read. */
@RestController
@Tag(name = "Referrals", description = "one referral, with its household's personal data until it is forgotten")
class ReferralController {

    private final ReferralFiles files;

    ReferralController(ReferralFiles files) {
        this.files = files;
    }

    record ReferralView(UUID referralId, UUID partnerId, String householdCode, EligibilityCriterion criterion,
                        int householdSize, int children, DeviceCategory need, Status status, Instant submittedAt,
                        UUID allocatedDevice, List<UUID> allocatedDevices, Instant deviceReturnedAt,
                        String outcomeReason,
                        String secondReferralJustification,
                        PersonalDataView personalData) {
    }

    /** The people's data in clear, or only {@code erased: true}: nothing of it is left to show. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonalDataView(String name, String phone, String email, String address, String notes,
                            String accessibilityNeeds, boolean erased) {

        static final PersonalDataView ERASED = new PersonalDataView(null, null, null, null, null, null, true);

        static PersonalDataView of(PersonalData data) {
            return new PersonalDataView(data.name(), data.phone(), data.email(), data.address(), data.notes(),
                    data.accessibilityNeeds(), false);
        }

        @Override
        public String toString() {
            return "PersonalDataView[" + (erased ? "erased" : "withheld") + "]"; // never in a log
        }
    }

    /**
     * JSON only, so that a request that could not be answered (another type asked for) is refused before the data
     * is opened; a HEAD request's answer has no body, so it opens nothing and records nothing.
     */
    @GetMapping(path = "/api/referrals/{referralId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(Access.STAFF_OR_PARTNER)
    @Operation(summary = "One referral, for staff or its partner, with its people's personal data unless they were forgotten")
    ResponseEntity<ReferralView> referral(@PathVariable UUID referralId, HttpMethod method) {
        Caller reader = Caller.current();
        ReferralRecord referral = files.visible(referralId, reader);
        Optional<PersonalData> opened = method == HttpMethod.HEAD ? Optional.empty() : files.open(referral, reader);
        PersonalDataView personalData = opened.map(PersonalDataView::of).orElse(PersonalDataView.ERASED);
        // personal data: no copy in a browser's or a proxy's cache
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ReferralView(referral.getReferralId(),
                referral.getPartnerId(), referral.getHouseholdCode(), referral.getCriterion(),
                referral.getHouseholdSize(), referral.getChildren(), referral.getNeed(), referral.getStatus(),
                referral.getSubmittedAt(), referral.getAllocatedDevice(), referral.getAllocatedDevices(),
                referral.getDeviceReturnedAt(),
                referral.getOutcomeReason(),
                // staff's own: to a partner, it would say the household was equipped before (docs/security.md)
                reader.has(Role.STAFF) ? referral.getSecondReferralJustification() : null, personalData));
    }

    @GetMapping("/api/referrals/{referralId}/personal-data-reads")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Who read the referral's personal data, and when, oldest first: every read is recorded")
    List<PersonalDataReads.PersonalDataRead> personalDataReads(@PathVariable UUID referralId) {
        return files.readsOf(files.visible(referralId, Caller.current()));
    }
}
