package org.ordinateurssolidaires.command.device;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;
import org.ordinateurssolidaires.command.web.AsPrinted;
import org.ordinateurssolidaires.command.web.CommandOrigin;
import org.ordinateurssolidaires.command.web.CorrectsSomething;
import org.ordinateurssolidaires.command.web.MultiLineText;
import org.ordinateurssolidaires.command.web.NotBlankWhenGiven;
import org.ordinateurssolidaires.command.web.NothingHidden;
import org.ordinateurssolidaires.command.web.PlainReference;
import org.ordinateurssolidaires.command.web.ReportedOn;
import org.ordinateurssolidaires.events.ceremony.CeremonyId;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.events.device.VerificationMethod;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The shapes of the device command requests, checked at the edge (400 naming each bad field). Business rules
 * are the aggregate's; these only say what a well-formed request looks like. Public for the demo seeder, which
 * sends the same shapes over HTTP.
 */
public final class DeviceRequests {

    static final String ASSET_TAG_PATTERN = "[A-Z0-9][A-Z0-9-]{2,31}";
    private static final String SHA_256_HEX = "[0-9a-f]{64}";

    private DeviceRequests() {
    }

    public record NewStorageMedium(@NotNull MediaType mediaType,
                            @Size(max = 100) @NothingHidden String manufacturer,
                            @Size(max = 100) @NothingHidden String model,
                            @Size(max = 100) @NotBlankWhenGiven @AsPrinted String serialNumber,
                            @Positive @Max(MOST_GIGABYTES) Integer capacityGigabytes) {

        /** A petabyte, far beyond any single drive: more is a slip of the keyboard, not a medium. */
        static final int MOST_GIGABYTES = 1_000_000;

        public StorageMedium withId(UUID mediumId) {
            return new StorageMedium(mediumId, mediaType, manufacturer, model, serialNumber, capacityGigabytes);
        }
    }

    /**
     * The donor's statement that the device's storage was removed before the gift.
     *
     * @param statedBy          who stated it for the donor
     * @param documentReference the document it is written in: the donation agreement's annex, a delivery note
     */
    public record StorageRemoval(@NotBlank @Size(max = 200) @Schema(example = "Olivier Lambert, DSI") String statedBy,
                                 @NotNull @PastOrPresent LocalDate statedOn,
                                 @NotBlank @Size(max = 100) @Schema(example = "Annexe 2, convention 2023-0208")
                                 String documentReference) {

        public StorageRemovalStatement statement() {
            return new StorageRemovalStatement(statedBy, statedOn, documentReference);
        }
    }

    /**
     * @param storageMedia  every medium found, embedded storage included (eMMC/UFS as EMBEDDED_FLASH)
     * @param storageRemoval required when no medium is listed: the donor's statement that the storage was removed
     */
    public record Receive(@NotBlank @Pattern(regexp = ASSET_TAG_PATTERN, message = "must be 3 to 32 capitals, digits or dashes")
                   @Schema(example = "OS-2026-0042") String assetTag,
                   @NotNull UUID donorId,
                   @NotBlank @Size(max = 100) @PlainReference String donationBatchReference,
                   @NotNull DeviceCategory category,
                   @NotBlank @Size(max = 100) @NothingHidden String manufacturer,
                   @NotBlank @Size(max = 100) @NothingHidden String model,
                   @Size(max = 100) @NotBlankWhenGiven @AsPrinted String serialNumber,
                   @NotNull @Size(max = 16) @OneSerialPerMedium List<@NotNull @Valid NewStorageMedium> storageMedia,
                   @Valid StorageRemoval storageRemoval,
                   @Size(max = 2000) @MultiLineText String conditionNotes,
                   @NotNull @PastOrPresent Instant receivedAt) {

        public StorageRemovalStatement storageRemovalStatement() {
            return storageRemoval == null ? null : storageRemoval.statement();
        }

        /** @param media the media found, each with the id the command side gave it */
        ReceiveDevice command(DeviceId deviceId, List<StorageMedium> media) {
            return new ReceiveDevice(deviceId, new AssetTag(assetTag), new DonorId(donorId),
                    stripped(donationBatchReference), category, manufacturer, model, serialNumber, media, storageRemovalStatement(), conditionNotes,
                    receivedAt);
        }
    }

    public record Sanitise(@NotNull SanitisationLevel level,
                    @NotNull SanitisationTechnique technique,
                    @NotBlank @Size(max = 100) String tool,
                    @NotBlank @Size(max = 50) String toolVersion,
                    @NotNull VerificationMethod verificationMethod,
                    @NotNull Boolean verificationPassed,
                    @Size(max = 2000) @MultiLineText String failureReason,
                    @NotBlank @Size(max = 100) String operator,
                    @NotBlank @Size(max = 200) String location,
                    @NotNull @PastOrPresent Instant performedAt,
                    @NotNull @Pattern(regexp = SHA_256_HEX, message = "must be 64 lower-case hex digits")
                    String toolReportSha256) {

        @AssertTrue(message = "a failed verification needs a failureReason")
        @ReportedOn("failureReason")
        @Schema(hidden = true)
        boolean isFailureExplained() {
            return !Boolean.FALSE.equals(verificationPassed) || (failureReason != null && !failureReason.isBlank());
        }

        /**
         * A reason of failure sent with a verification said passed: one of the two is a slip, and recorded as an
         * erasure the medium could leave unerased. Which one is for the operator to say.
         */
        @AssertFalse(message = "a passed verification has no failureReason: say it failed, or leave the reason out")
        @ReportedOn("failureReason")
        @Schema(hidden = true)
        boolean isFailureReasonOfAPass() {
            return Boolean.TRUE.equals(verificationPassed) && failureReason != null && !failureReason.isBlank();
        }

        SanitiseStorageMedium command(DeviceId deviceId, UUID mediumId) {
            return new SanitiseStorageMedium(deviceId, mediumId, level, technique, tool, toolVersion,
                    verificationMethod, verificationPassed, failureReason, operator, location, performedAt,
                    toolReportSha256);
        }
    }

    public record Destroy(@NotNull DestructionMethod method,
                   @NotBlank @Size(max = 100) String operator,
                   @NotBlank @Size(max = 200) String location,
                   @Size(max = 100) String certificateReference,
                   @NotNull @PastOrPresent Instant destroyedAt) {

        DestroyStorageMedium command(DeviceId deviceId, UUID mediumId) {
            return new DestroyStorageMedium(deviceId, mediumId, method, operator, location, certificateReference,
                    destroyedAt);
        }
    }

    public record AddMedium(@NotNull @Valid NewStorageMedium medium,
                     @NotBlank @Size(max = 500) @MultiLineText String reason,
                     @NotNull @PastOrPresent Instant addedAt) {

        AddStorageMedium command(DeviceId deviceId, UUID mediumId) {
            return new AddStorageMedium(deviceId, medium.withId(mediumId), reason, addedAt);
        }
    }

    public record RemoveMedium(@NotBlank @Size(max = 500) @MultiLineText String reason,
                        @NotNull @PastOrPresent Instant removedAt) {

        RemoveStorageMedium command(DeviceId deviceId, UUID mediumId) {
            return new RemoveStorageMedium(deviceId, mediumId, reason, removedAt);
        }
    }

    public record Refurbish(@NotBlank @Size(max = 2000) @MultiLineText String workDone,
                     @NotBlank @Size(max = 100) String operatingSystem,
                     @NotBlank @Size(max = 100) String technician,
                     @NotNull @PastOrPresent Instant refurbishedAt) {

        RefurbishDevice command(DeviceId deviceId) {
            return new RefurbishDevice(deviceId, workDone, operatingSystem, technician, refurbishedAt);
        }
    }

    public record QualityCheck(@NotNull Boolean passed,
                        QualityGrade grade,
                        @Size(max = 2000) @MultiLineText String notes,
                        @NotBlank @Size(max = 100) String inspector,
                        @NotNull @PastOrPresent Instant checkedAt) {

        @AssertTrue(message = "a passed check needs a grade")
        @ReportedOn("grade")
        @Schema(hidden = true)
        boolean isGradedWhenPassed() {
            return !Boolean.TRUE.equals(passed) || grade != null;
        }

        @AssertTrue(message = "a failed check needs notes saying why")
        @ReportedOn("notes")
        @Schema(hidden = true)
        boolean isExplainedWhenFailed() {
            return !Boolean.FALSE.equals(passed) || (notes != null && !notes.isBlank());
        }

        /** A grade sent with a check said failed: one of the two is a slip, and the grade would be dropped unsaid. */
        @AssertFalse(message = "a failed check has no grade: say it passed, or leave the grade out")
        @ReportedOn("grade")
        @Schema(hidden = true)
        boolean isGradeOfAFailure() {
            return Boolean.FALSE.equals(passed) && grade != null;
        }

        RecordQualityCheck command(DeviceId deviceId) {
            return new RecordQualityCheck(deviceId, passed, grade, notes, inspector, checkedAt);
        }
    }

    /** @param outOfTurnReason why this household rather than the one next in line (required then) */
    public record Allocate(@NotNull UUID referralId,
                    @Size(max = 500) @NotBlankWhenGiven @MultiLineText String outOfTurnReason,
                    @NotNull @PastOrPresent Instant allocatedAt) {

        AllocateDevice command(DeviceId deviceId) {
            return new AllocateDevice(deviceId, new ReferralId(referralId), outOfTurnReason, allocatedAt);
        }
    }

    public record CancelAllocation(@NotBlank @Size(max = 500) @MultiLineText String reason,
                            @NotNull @PastOrPresent Instant cancelledAt) {

        /** The command is named as this request is: hence its full name here. */
        org.ordinateurssolidaires.command.device.CancelAllocation command(DeviceId deviceId) {
            return new org.ordinateurssolidaires.command.device.CancelAllocation(deviceId, reason, cancelledAt);
        }
    }

    public record HandOver(@NotNull Boolean freeOfChargeAcknowledged,
                    UUID ceremonyId,
                    @NotNull @PastOrPresent Instant handedOverAt) {

        CeremonyId ceremony() {
            return ceremonyId == null ? null : new CeremonyId(ceremonyId);
        }
    }

    /** Several devices handed to one household at once, with its acknowledgement that they are free of charge. */
    public record HandOverToHousehold(@NotEmpty @Size(max = 10) @UniqueElements List<@NotNull UUID> deviceIds,
                                    @NotNull Boolean freeOfChargeAcknowledged,
                                    UUID ceremonyId,
                                    @NotNull @PastOrPresent Instant handedOverAt) {

        CeremonyId ceremony() {
            return ceremonyId == null ? null : new CeremonyId(ceremonyId);
        }

        /** Through {@code handOvers}, as one transaction: every device, or none. */
        void handOver(HouseholdHandOver handOvers, ReferralId referral, CommandOrigin origin) {
            handOvers.handOver(referral, deviceIds.stream().distinct().map(DeviceId::new).toList(),
                    freeOfChargeAcknowledged, ceremony(), handedOverAt, origin);
        }
    }

    public record Return(@NotBlank @Size(max = 500) @MultiLineText String reason,
                  @NotNull @PastOrPresent Instant returnedAt) {

        ReturnDevice command(DeviceId deviceId) {
            return new ReturnDevice(deviceId, reason, returnedAt);
        }
    }

    public record Recycle(@NotBlank @Size(max = 200) String recycler,
                   @NotBlank @Size(max = 100) String certificateReference,
                   @NotNull @PastOrPresent Instant recycledAt) {

        RecycleDevice command(DeviceId deviceId) {
            return new RecycleDevice(deviceId, recycler, certificateReference, recycledAt);
        }
    }

    @CorrectsSomething
    @Schema(name = "DeviceCorrection") // the API describes the device's and the donor's apart
    public record Correct(DeviceCategory category,
                          @Size(max = 100) @NotBlankWhenGiven @NothingHidden String manufacturer,
                          @Size(max = 100) @NotBlankWhenGiven @NothingHidden String model,
                          @Size(max = 100) @NotBlankWhenGiven @AsPrinted String serialNumber,
                          @Size(max = 100) @NotBlankWhenGiven @PlainReference String donationBatchReference,
                          @Size(max = 2000) @NotBlankWhenGiven @MultiLineText String conditionNotes,
                          @NotBlank @Size(max = 500) @MultiLineText String reason) {

        CorrectDeviceDetails command(DeviceId deviceId) {
            return new CorrectDeviceDetails(deviceId, category, manufacturer, model, serialNumber,
                    stripped(donationBatchReference), conditionNotes, reason);
        }
    }

    /**
     * A delivery's reference without the spaces around it, as a delivery's file import takes it: "LIV-04 " is the
     * delivery "LIV-04", not a second one printed alike.
     */
    static String stripped(String reference) {
        return reference == null ? null : reference.strip();
    }

    /** What staff need back after a reception: the ids to use in every later command. */
    public record Received(UUID deviceId, String assetTag, List<StorageMedium> storageMedia) {
    }

    public record MediumAdded(UUID deviceId, UUID mediumId) {
    }
}
