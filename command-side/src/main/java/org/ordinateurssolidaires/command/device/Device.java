package org.ordinateurssolidaires.command.device;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ordinateurssolidaires.command.ceremony.CeremonyCalendar;
import org.ordinateurssolidaires.command.donor.DonorAgreements;
import org.ordinateurssolidaires.command.referral.ReferralRule;
import org.ordinateurssolidaires.command.referral.ReferralStandings;
import org.ordinateurssolidaires.command.rules.RuleViolation;
import org.ordinateurssolidaires.command.rules.UnknownEntity;
import org.ordinateurssolidaires.events.device.AllocationCancelled;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.device.DeviceReturned;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.MediumSerials;
import org.ordinateurssolidaires.events.device.NextInLinePassedOver;
import org.ordinateurssolidaires.events.device.QualityCheckFailed;
import org.ordinateurssolidaires.events.device.QualityCheckPassed;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumAdded;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumRemoved;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.ReferralId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static java.util.function.Predicate.not;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One donated computer, from reception to hand-over. Its central promise to donors: no device leaves the
 * programme (allocated, handed over or recycled) while any of its storage media could still hold data, nor
 * without evidence of where its data went — a medium listed, or the donor's statement that the storage was removed.
 */
@Aggregate(filterEventsByType = true)
public class Device {

    private enum Stage {
        AWAITING_REFURBISHMENT("awaiting refurbishment"),
        REFURBISHED("refurbished, awaiting its quality check"),
        READY("ready"),
        ALLOCATED("allocated"),
        HANDED_OVER("handed over"),
        RECYCLED("recycled");

        private final String description;

        Stage(String description) {
            this.description = description;
        }
    }

    private enum Erasure { PENDING, FAILED, SANITISED, DESTROYED }

    /** @param since when it was listed, or when the work that last changed its erasure was done */
    private record TrackedMedium(StorageMedium medium, Erasure erasure, Instant since) {

        boolean holdsNoData() {
            return erasure == Erasure.SANITISED || erasure == Erasure.DESTROYED;
        }

        TrackedMedium with(Erasure newErasure, Instant at) {
            return new TrackedMedium(medium, newErasure, latest(since, at));
        }
    }

    @AggregateIdentifier
    private DeviceId deviceId;
    private DonorId donorId;
    /** The delivery it came in, as last corrected. */
    private String donationBatchReference;
    /** The details a correction may state again: one that states only what is recorded corrects nothing. */
    private String manufacturer;
    private String model;
    private String serialNumber;
    private String conditionNotes;
    private Stage stage;
    private DeviceCategory category;
    private ReferralId allocatedTo;
    private final Map<UUID, TrackedMedium> media = new LinkedHashMap<>();
    /**
     * A medium was listed at some point (one removed later was erased first), or the donor stated the storage was
     * removed: without either, an empty media list proves nothing.
     */
    private boolean erasureEvidence;
    /** When the programme last took the device in hand: its reception, or its return by a household. */
    private Instant inHandSince;
    /** When the step that brought the device to its stage was done: each later step is dated from it on. */
    private Instant stageSince;

    protected Device() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Device(ReceiveDevice command, AssetTagRegistry assetTags, DonorAgreements agreements,
                  ImportedDeliveries deliveries) {
        agreements.requireInForce(command.donorId(), command.receivedAt());
        refuseJoiningAFile(deliveries, command.donorId(), command.donationBatchReference());
        if (assetTags.isTaken(command.assetTag())) {
            throw new RuleViolation(DeviceRule.ASSET_TAG_UNIQUE,
                    "asset tag " + command.assetTag() + " is already on another device");
        }
        if (command.storageMedia().isEmpty() && command.storageRemoval() == null) {
            throw new RuleViolation(DeviceRule.STORAGE_ACCOUNTED_FOR_AT_RECEPTION, "no storage medium is listed and "
                    + "no donor's statement that the storage was removed is given: list the embedded storage "
                    + "(EMBEDDED_FLASH for eMMC/UFS, the soldered SSD as such) or give the statement");
        }
        if (!command.storageMedia().isEmpty() && command.storageRemoval() != null) {
            throw new RuleViolation(DeviceRule.STATEMENT_ONLY_WITHOUT_MEDIA, "the device lists "
                    + command.storageMedia().size() + " storage medium(s): give them, or the statement, not both");
        }
        apply(new DeviceReceived(command.deviceId(), command.assetTag(), command.donorId(),
                command.donationBatchReference(), command.category(), command.manufacturer(), command.model(),
                command.serialNumber(), command.storageMedia(), command.conditionNotes(), command.receivedAt()));
        if (command.storageRemoval() != null) {
            apply(new StorageRemovalStated(command.deviceId(), command.storageRemoval()));
        }
    }

    /**
     * Puts right a device received without media before the rule, whatever stage it reached: a statement is a
     * record of what the donor attests, not work on the device, and without it such a device could never leave.
     */
    @CommandHandler
    void handle(RecordStorageRemovalStatement command) {
        refuseOnceGone();
        if (!media.isEmpty()) { // a medium returned with the device, or fitted by the household: it is erased
            throw new RuleViolation(DeviceRule.STATEMENT_ONLY_WITHOUT_MEDIA,
                    "device " + deviceId.value() + " lists " + media.size() + " storage medium(s)");
        }
        apply(new StorageRemovalStated(deviceId, command.statement()));
    }

    /**
     * A sanitisation can fail: once the device passed its quality check, its media are no longer touched. One that
     * passed is recorded only if the policy accepts its kind for the medium's type: a degaussed SSD still holds its
     * data, and recorded as erased it could leave (the auditor's replay would find it only afterwards). A failed one
     * is recorded whatever its kind: it erased nothing either way.
     */
    @CommandHandler
    void handle(SanitiseStorageMedium command, ErasurePolicy policy) {
        refuseOnceGone();
        refuseUnlessMediaMayChange();
        TrackedMedium tracked = knownMedium(command.mediumId());
        refuseIfDestroyed(tracked);
        refuseDatedBefore(command.performedAt(), tracked.since());
        MediaType type = tracked.medium().mediaType();
        if (command.verificationPassed()
            && !policy.accepts(type, command.level(), command.technique(), command.verificationMethod())) {
            throw new RuleViolation(DeviceRule.ERASURE_POLICY, command.level() + "/" + command.technique() + "/"
                    + command.verificationMethod() + " does not erase a " + type + ": accepted are "
                    + String.join(", ", policy.acceptedFor(type)) + " (* for any), or the medium's destruction");
        }
        var record = new SanitisationRecord(tracked.medium(), command.level(), command.technique(), command.tool(),
                command.toolVersion(), command.verificationMethod(), command.operator(), command.location(),
                command.performedAt(), command.toolReportSha256());
        if (command.verificationPassed()) {
            apply(new StorageMediumSanitised(deviceId, record));
        } else {
            apply(new StorageMediumSanitisationFailed(deviceId, record, command.failureReason()));
        }
    }

    /** Destruction only ever makes a device safer, so it is allowed until the device leaves. */
    @CommandHandler
    void handle(DestroyStorageMedium command) {
        refuseOnceGone();
        TrackedMedium tracked = knownMedium(command.mediumId());
        refuseIfDestroyed(tracked);
        refuseDatedBefore(command.destroyedAt(), tracked.since());
        apply(new StorageMediumDestroyed(deviceId, tracked.medium(), command.method(), command.operator(),
                command.location(), command.certificateReference(), command.destroyedAt()));
    }

    @CommandHandler
    void handle(AddStorageMedium command) {
        refuseOnceGone();
        refuseUnlessMediaMayChange();
        refuseDatedBefore(command.addedAt(), inHandSince);
        String serial = MediumSerials.asScanned(command.medium().serialNumber());
        if (serial != null && media.values().stream()
                .anyMatch(tracked -> serial.equals(MediumSerials.asScanned(tracked.medium().serialNumber())))) {
            throw new RuleViolation(DeviceRule.MEDIUM_SERIAL_ONCE_PER_DEVICE,
                    "the device already has a medium with serial number " + command.medium().serialNumber().strip());
        }
        apply(new StorageMediumAdded(deviceId, command.medium(), command.reason(), command.addedAt()));
    }

    @CommandHandler
    void handle(RemoveStorageMedium command) {
        refuseOnceGone();
        refuseUnlessMediaMayChange();
        TrackedMedium tracked = knownMedium(command.mediumId());
        if (!tracked.holdsNoData()) {
            throw new RuleViolation(DeviceRule.REMOVAL_AFTER_ERASURE,
                    "medium " + command.mediumId() + " is neither sanitised nor destroyed");
        }
        refuseDatedBefore(command.removedAt(), tracked.since());
        apply(new StorageMediumRemoved(deviceId, command.mediumId(), command.reason(), command.removedAt()));
    }

    @CommandHandler
    void handle(RefurbishDevice command) {
        refuseOnceGone();
        requireErasure(DeviceRule.REFURBISHMENT_AFTER_ERASURE);
        if (stage != Stage.AWAITING_REFURBISHMENT && stage != Stage.REFURBISHED) {
            throw new RuleViolation(DeviceRule.REFURBISHMENT_BEFORE_QUALITY_CHECK, "the device is " + describeStage());
        }
        refuseDatedBeforeTheStageOrTheMedia(command.refurbishedAt());
        apply(new DeviceRefurbished(deviceId, command.workDone(), command.operatingSystem(), command.technician(),
                command.refurbishedAt()));
    }

    @CommandHandler
    void handle(RecordQualityCheck command) {
        refuseOnceGone();
        if (command.passed()) {
            requireErasure(DeviceRule.READY_AFTER_ERASURE);
        }
        requireStage(Stage.REFURBISHED, DeviceRule.QUALITY_CHECK_AFTER_REFURBISHMENT);
        refuseDatedBeforeTheStageOrTheMedia(command.checkedAt());
        if (command.passed()) {
            apply(new QualityCheckPassed(deviceId, command.grade(), command.inspector(), command.notes(),
                    command.checkedAt()));
        } else {
            apply(new QualityCheckFailed(deviceId, command.notes(), command.inspector(), command.checkedAt()));
        }
    }

    @CommandHandler
    void handle(AllocateDevice command, ReferralStandings referrals) {
        refuseOnceGone();
        requireErasure(DeviceRule.ERASURE_BEFORE_RELEASE);
        requireStage(Stage.READY, DeviceRule.ALLOCATION_WHEN_READY);
        refuseDatedBefore(command.allocatedAt(), stageSince);
        // the households in line are locked first, in the list's order, then the one named: every allocation takes
        // its locks in one order, so that two at once wait for each other rather than deadlock
        Optional<ReferralId> nextInLine = referrals.nextInLineFor(category).filter(not(command.referralId()::equals));
        referrals.requireOpenFor(command.referralId(), category, command.allocatedAt());
        if (nextInLine.isPresent()) {
            if (command.outOfTurnReason() == null) {
                throw new RuleViolation(ReferralRule.ALLOCATION_IN_TURN, "referral " + nextInLine.get()
                        + " is next in line for a " + category.name().toLowerCase() + ": say why another "
                        + "(outOfTurnReason)");
            }
            apply(new NextInLinePassedOver(deviceId, nextInLine.get(), command.referralId(), command.outOfTurnReason()));
        }
        apply(new DeviceAllocated(deviceId, command.referralId(), command.allocatedAt()));
    }

    @CommandHandler
    void handle(CancelAllocation command) {
        refuseOnceGone();
        requireStage(Stage.ALLOCATED, DeviceRule.CANCELLATION_WHEN_ALLOCATED);
        refuseDatedBefore(command.cancelledAt(), stageSince);
        apply(new AllocationCancelled(deviceId, allocatedTo, command.reason(), command.cancelledAt()));
    }

    @CommandHandler
    ReferralId handle(HandOverDevice command, CeremonyCalendar ceremonies) {
        refuseOnceGone();
        requireErasure(DeviceRule.ERASURE_BEFORE_RELEASE);
        requireStage(Stage.ALLOCATED, DeviceRule.HAND_OVER_WHEN_ALLOCATED);
        if (command.referralId() != null && !command.referralId().equals(allocatedTo)) {
            throw new RuleViolation(DeviceRule.HAND_OVER_TO_THE_ALLOCATED_HOUSEHOLD,
                    "the device is allocated to referral " + allocatedTo + ", not " + command.referralId());
        }
        refuseDatedBefore(command.handedOverAt(), stageSince);
        if (!command.freeOfChargeAcknowledged()) {
            throw new RuleViolation(DeviceRule.FREE_OF_CHARGE, "the acknowledgement was not given");
        }
        if (command.ceremonyId() != null) {
            switch (ceremonies.standingOn(command.ceremonyId(), command.handedOverAt())) {
                case UNKNOWN_CEREMONY -> throw new UnknownEntity(UnknownEntity.Kind.CEREMONY, "no ceremony " + command.ceremonyId());
                case NOT_THAT_DAY -> throw new RuleViolation(DeviceRule.HAND_OVER_ON_THE_CEREMONY_DAY, "ceremony "
                        + command.ceremonyId() + " does not take place on the day of " + command.handedOverAt());
                case TAKES_PLACE_THAT_DAY -> {
                    // handed over at it
                }
            }
        }
        apply(new DeviceHandedOver(deviceId, allocatedTo, true, command.ceremonyId(), command.handedOverAt()));
        return allocatedTo;
    }

    @CommandHandler
    void handle(ReturnDevice command) {
        requireStage(Stage.HANDED_OVER, DeviceRule.RETURN_AFTER_HAND_OVER);
        refuseDatedBefore(command.returnedAt(), stageSince);
        apply(new DeviceReturned(deviceId, allocatedTo, command.reason(), command.returnedAt()));
    }

    @CommandHandler
    void handle(RecycleDevice command) {
        refuseOnceGone();
        requireErasure(DeviceRule.ERASURE_BEFORE_RELEASE);
        if (stage == Stage.ALLOCATED) {
            throw new RuleViolation(DeviceRule.RECYCLING_WHEN_NOT_ALLOCATED, "the device is allocated");
        }
        refuseDatedBeforeTheStageOrTheMedia(command.recycledAt());
        apply(new DeviceRecycled(deviceId, command.recycler(), command.certificateReference(), command.recycledAt()));
    }

    /**
     * Corrections are allowed at any stage: they fix the record, not the device; but a device does not move into or
     * out of a delivery imported from a file, which its donor reconciles as the file, and an allocated device keeps
     * the kind its household's referral asked for until the allocation is cancelled.
     */
    @CommandHandler
    void handle(CorrectDeviceDetails command, ImportedDeliveries deliveries) {
        if (stage == Stage.ALLOCATED && command.category() != null && command.category() != category) {
            throw new RuleViolation(DeviceRule.CATEGORY_KEPT_WHILE_ALLOCATED, "device " + deviceId.value()
                    + " is allocated as a " + category.name().toLowerCase() + ": cancel the allocation first");
        }
        if (correctsNothing(command)) {
            throw new RuleViolation(DeviceRule.CORRECTION_CHANGES_SOMETHING, "device " + deviceId.value()
                    + " already has every detail this correction states");
        }
        String reference = command.donationBatchReference();
        if (reference != null && !reference.equals(donationBatchReference)) {
            if (deliveries.cameInAFile(deviceId)) {
                throw new RuleViolation(DeviceRule.DELIVERY_FILE_IS_WHOLE, "device " + deviceId.value()
                        + " came in the file of delivery " + donationBatchReference + ": it stays in it");
            }
            refuseJoiningAFile(deliveries, donorId, reference);
        }
        // only what changes: a page's form states every detail, and the history says what was corrected
        apply(new DeviceDetailsCorrected(deviceId, command.category() == category ? null : command.category(),
                changed(command.manufacturer(), manufacturer), changed(command.model(), model),
                changed(command.serialNumber(), serialNumber),
                changed(command.donationBatchReference(), donationBatchReference),
                changed(command.conditionNotes(), conditionNotes), command.reason()));
    }

    /** Every detail the correction states (a null one is not corrected) is the one recorded. */
    private boolean correctsNothing(CorrectDeviceDetails command) {
        return (command.category() == null || command.category() == category)
               && unchanged(command.manufacturer(), manufacturer) && unchanged(command.model(), model)
               && unchanged(command.serialNumber(), serialNumber)
               && unchanged(command.donationBatchReference(), donationBatchReference)
               && unchanged(command.conditionNotes(), conditionNotes);
    }

    /** Lines ended alike: notes recorded by the API before may end theirs by CR LF, as a browser sends them. */
    private static boolean unchanged(String stated, String recorded) {
        return stated == null
               || recorded != null && stated.replace("\r\n", "\n").equals(recorded.replace("\r\n", "\n"));
    }

    /** The detail stated, if it is not the one recorded; else none (not corrected). */
    private static String changed(String stated, String recorded) {
        return unchanged(stated, recorded) ? null : stated;
    }

    /** A detail as a correction leaves it: a null one was not corrected (and may have been recorded as none). */
    private static String corrected(String stated, String recorded) {
        return stated == null ? recorded : stated;
    }

    /** A device received one by one, or corrected, is not added to a delivery its donor imported as a file. */
    private static void refuseJoiningAFile(ImportedDeliveries deliveries, DonorId donor, String reference) {
        if (deliveries.isImported(donor, reference)) {
            throw new RuleViolation(DeviceRule.DELIVERY_FILE_IS_WHOLE, "delivery " + reference
                    + " was imported from a file: a device joins it only in the file (give another reference)");
        }
    }

    private void refuseOnceGone() {
        if (stage == Stage.HANDED_OVER || stage == Stage.RECYCLED) {
            throw new RuleViolation(DeviceRule.DEVICE_HAS_LEFT, "the device is " + describeStage());
        }
    }

    private void requireStage(Stage required, DeviceRule rule) {
        if (stage != required) {
            throw new RuleViolation(rule, "the device is " + describeStage());
        }
    }

    private void refuseUnlessMediaMayChange() {
        if (stage != Stage.AWAITING_REFURBISHMENT && stage != Stage.REFURBISHED) {
            throw new RuleViolation(DeviceRule.MEDIA_WORK_BEFORE_QUALITY_CHECK, "the device is " + describeStage());
        }
    }

    /**
     * Steps are recorded after the fact, sometimes days later and not always in the order they were done, but a
     * step is never done before the one it follows: the reception, a medium's erasure, the refurbishment, ...
     */
    private void refuseDatedBefore(Instant moment, Instant follows) {
        if (moment != null && follows != null && moment.isBefore(follows)) {
            throw new RuleViolation(DeviceRule.STEPS_IN_ORDER_OF_TIME, "the step is dated " + moment
                    + ", before the step it follows, done at " + follows);
        }
    }

    /** A step that needs every medium to hold no data follows their erasures as well as the device's stage. */
    private void refuseDatedBeforeTheStageOrTheMedia(Instant moment) {
        refuseDatedBefore(moment, media.values().stream().map(TrackedMedium::since)
                                       .reduce(stageSince, Device::latest));
    }

    private static Instant latest(Instant one, Instant other) {
        return one == null ? other : other == null || one.isAfter(other) ? one : other;
    }

    private void refuseIfDestroyed(TrackedMedium tracked) {
        if (tracked.erasure() == Erasure.DESTROYED) {
            throw new RuleViolation(DeviceRule.DESTROYED_MEDIUM_IS_FINAL,
                    "medium " + tracked.medium().mediumId() + " was destroyed");
        }
    }

    /**
     * Checked before any other rule of the step, so that a refusal caused by missing erasure names erasure: first
     * the evidence (without it an empty media list proves nothing), then every medium holding no data.
     */
    private void requireErasure(DeviceRule ruleWhileDataRemains) {
        if (!erasureEvidence) {
            throw new RuleViolation(DeviceRule.ERASURE_EVIDENCE_ON_RECORD, "no storage medium was ever listed and "
                    + "no donor's statement that the storage was removed is recorded");
        }
        String mediaHoldingData = media.values().stream()
                                       .filter(tracked -> !tracked.holdsNoData())
                                       .map(tracked -> tracked.medium().mediumId() + " (" + tracked.erasure() + ")")
                                       .collect(Collectors.joining(", "));
        if (!mediaHoldingData.isEmpty()) {
            throw new RuleViolation(ruleWhileDataRemains, "media not yet sanitised or destroyed: " + mediaHoldingData);
        }
    }

    private TrackedMedium knownMedium(UUID mediumId) {
        TrackedMedium tracked = media.get(mediumId);
        if (tracked == null) {
            throw new UnknownEntity(UnknownEntity.Kind.MEDIUM, "device " + deviceId + " has no storage medium " + mediumId);
        }
        return tracked;
    }

    /** As staff see it: a device whose media still hold data awaits their erasure before its refurbishment. */
    private String describeStage() {
        if (stage == Stage.AWAITING_REFURBISHMENT
            && media.values().stream().anyMatch(tracked -> !tracked.holdsNoData())) {
            return "awaiting the erasure of its media";
        }
        return stage.description;
    }

    @EventSourcingHandler
    void on(DeviceReceived event) {
        deviceId = event.deviceId();
        donorId = event.donorId();
        donationBatchReference = event.donationBatchReference();
        stage = Stage.AWAITING_REFURBISHMENT;
        category = event.category();
        manufacturer = event.manufacturer();
        model = event.model();
        serialNumber = event.serialNumber();
        conditionNotes = event.conditionNotes();
        inHandSince = event.receivedAt();
        stageSince = event.receivedAt();
        event.storageMedia().forEach(medium -> media.put(medium.mediumId(),
                new TrackedMedium(medium, Erasure.PENDING, event.receivedAt())));
        erasureEvidence = !media.isEmpty();
    }

    @EventSourcingHandler
    void on(StorageRemovalStated event) {
        erasureEvidence = true;
    }

    @EventSourcingHandler
    void on(DeviceDetailsCorrected event) {
        if (event.category() != null) {
            category = event.category();
        }
        if (event.donationBatchReference() != null) {
            donationBatchReference = event.donationBatchReference();
        }
        manufacturer = corrected(event.manufacturer(), manufacturer);
        model = corrected(event.model(), model);
        serialNumber = corrected(event.serialNumber(), serialNumber);
        conditionNotes = corrected(event.conditionNotes(), conditionNotes);
    }

    @EventSourcingHandler
    void on(StorageMediumSanitised event) {
        media.computeIfPresent(event.sanitisation().medium().mediumId(), (id, tracked) -> tracked.with(Erasure.SANITISED,
                event.sanitisation().performedAt()));
    }

    @EventSourcingHandler
    void on(StorageMediumSanitisationFailed event) {
        media.computeIfPresent(event.attempt().medium().mediumId(), (id, tracked) -> tracked.with(Erasure.FAILED,
                event.attempt().performedAt()));
    }

    @EventSourcingHandler
    void on(StorageMediumDestroyed event) {
        media.computeIfPresent(event.medium().mediumId(), (id, tracked) -> tracked.with(Erasure.DESTROYED,
                event.destroyedAt()));
    }

    @EventSourcingHandler
    void on(StorageMediumAdded event) {
        media.put(event.medium().mediumId(), new TrackedMedium(event.medium(), Erasure.PENDING,
                latest(inHandSince, event.addedAt())));
        erasureEvidence = true;
    }

    @EventSourcingHandler
    void on(StorageMediumRemoved event) {
        media.remove(event.mediumId());
    }

    @EventSourcingHandler
    void on(DeviceRefurbished event) {
        stage = Stage.REFURBISHED;
        stageSince = latest(stageSince, event.refurbishedAt());
    }

    /** A failed check sends the device back to the workshop: it must be refurbished again before a new check. */
    @EventSourcingHandler
    void on(QualityCheckFailed event) {
        stage = Stage.AWAITING_REFURBISHMENT;
        stageSince = latest(stageSince, event.checkedAt());
    }

    @EventSourcingHandler
    void on(QualityCheckPassed event) {
        stage = Stage.READY;
        stageSince = latest(stageSince, event.checkedAt());
    }

    @EventSourcingHandler
    void on(DeviceAllocated event) {
        stage = Stage.ALLOCATED;
        stageSince = latest(stageSince, event.allocatedAt());
        allocatedTo = event.referralId();
    }

    @EventSourcingHandler
    void on(AllocationCancelled event) {
        stage = Stage.READY;
        stageSince = latest(stageSince, event.cancelledAt());
        allocatedTo = null;
    }

    @EventSourcingHandler
    void on(DeviceHandedOver event) {
        stage = Stage.HANDED_OVER;
        stageSince = latest(stageSince, event.handedOverAt());
    }

    /** A returned device may now hold the household's data: every medium not destroyed is pending again. */
    @EventSourcingHandler
    void on(DeviceReturned event) {
        stage = Stage.AWAITING_REFURBISHMENT;
        inHandSince = latest(inHandSince, event.returnedAt());
        stageSince = latest(stageSince, event.returnedAt());
        allocatedTo = null;
        if (media.isEmpty()) {
            erasureEvidence = false; // the household may have fitted storage: what it holds now must be accounted for
        }
        media.replaceAll((id, tracked) -> tracked.erasure() == Erasure.DESTROYED ? tracked
                : tracked.with(Erasure.PENDING, event.returnedAt()));
    }

    @EventSourcingHandler
    void on(DeviceRecycled event) {
        stage = Stage.RECYCLED;
        stageSince = latest(stageSince, event.recycledAt());
    }
}
