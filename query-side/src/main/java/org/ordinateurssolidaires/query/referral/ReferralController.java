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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One referral as staff see it: unlike a partner's list, with its people's data, as long as it can be read. */
@RestController
@Tag(name = "Referrals", description = "one referral, with its household's personal data until it is forgotten")
class ReferralController {

    private static final Logger log = LoggerFactory.getLogger(ReferralController.class);

    private final ReferralRecordRepository referrals;
    private final PersonalDataKeys keys;
    private final PersonalDataReads reads;

    ReferralController(ReferralRecordRepository referrals, PersonalDataKeys keys, PersonalDataReads reads) {
        this.referrals = referrals;
        this.keys = keys;
        this.reads = reads;
    }

    record ReferralView(UUID referralId, UUID partnerId, String householdCode, EligibilityCriterion criterion,
                        int householdSize, int children, DeviceCategory need, Status status, Instant submittedAt,
                        UUID allocatedDevice, String outcomeReason, String secondReferralJustification,
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
        ReferralRecord referral = visible(referralId, reader);
        Optional<PersonalData> opened = method == HttpMethod.HEAD ? Optional.empty()
                : referral.sealedPersonalData().flatMap(keys::open);
        opened.ifPresent(read -> {
            reads.record(referralId, reader);
            log.info("Personal data of referral {} read by {} ({})", referralId, reader.username(),
                    reader.actingRole().code());
        });
        PersonalDataView personalData = opened.map(PersonalDataView::of).orElse(PersonalDataView.ERASED);
        // personal data: no copy in a browser's or a proxy's cache
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ReferralView(referral.getReferralId(),
                referral.getPartnerId(), referral.getHouseholdCode(), referral.getCriterion(),
                referral.getHouseholdSize(), referral.getChildren(), referral.getNeed(), referral.getStatus(),
                referral.getSubmittedAt(), referral.getAllocatedDevice(), referral.getOutcomeReason(),
                referral.getSecondReferralJustification(), personalData));
    }

    @GetMapping("/api/referrals/{referralId}/personal-data-reads")
    @PreAuthorize(Access.STAFF)
    @Operation(summary = "Who read the referral's personal data, and when, oldest first: every read is recorded")
    List<PersonalDataReads.PersonalDataRead> personalDataReads(@PathVariable UUID referralId) {
        return reads.of(visible(referralId, Caller.current()).getReferralId());
    }

    private ReferralRecord visible(UUID referralId, Caller caller) {
        return referrals.findById(referralId)
                        .filter(found -> caller.maySeePartner(found.getPartnerId()))
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                "no referral " + referralId));
    }
}
