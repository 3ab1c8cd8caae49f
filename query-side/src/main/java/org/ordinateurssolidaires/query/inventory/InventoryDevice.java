package org.ordinateurssolidaires.query.inventory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceDetailsCorrected;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.MediumSerials;
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** One row of the inventory: a device as it is now. Written only by {@link InventoryProjection}. */
@Entity
@Table(name = "inventory_device")
public class InventoryDevice {

    enum Stage { AWAITING_REFURBISHMENT, REFURBISHED, READY, ALLOCATED, HANDED_OVER, RECYCLED }

    @Id
    private UUID deviceId;
    private String assetTag;
    private UUID donorId;
    private String donationBatchReference;
    @Enumerated(EnumType.STRING)
    private DeviceCategory category;
    private String manufacturer;
    private String model;
    private String serialNumber;
    /** The serial as a scanner may read it ({@link MediumSerials}), as a search by what is in hand compares it. */
    private String serialScanned;
    private String conditionNotes;
    /** Where the device is in the workshop's flow; {@link #state} adds what its media say. */
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Enumerated(EnumType.STRING)
    private DeviceState state;
    /** When the device entered its current state: what the ageing of the stock is measured from. */
    private Instant stateSince;
    private Instant receivedAt;
    /*
     * The first time the device held no donor's data, was ready, was handed over: the dashboard's lead times and
     * monthly flow. A returned device goes round again, but its first pass is what these measure.
     */
    private Instant sanitisedAt;
    private Instant readyAt;
    private Instant handedOverAt;
    @Enumerated(EnumType.STRING)
    private QualityGrade grade;
    private UUID referralId;
    private UUID ceremonyId;
    private String operatingSystem;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inventory_medium", joinColumns = @JoinColumn(name = "device_id"))
    @OrderColumn(name = "position")
    private List<InventoryMedium> media = new ArrayList<>();
    /** Media were declared at reception or fitted later; stays true once a medium leaves after its erasure. */
    private boolean mediaDeclared;
    private String storageRemovalStatedBy;
    private LocalDate storageRemovalStatedOn;
    private String storageRemovalDocument;
    /** The sequence of the device's last event applied here: its version as this row shows it. */
    private long lastSequence;

    protected InventoryDevice() {
        // for JPA
    }

    InventoryDevice(DeviceReceived received, long sequence) {
        lastSequence = sequence;
        deviceId = received.deviceId().value();
        assetTag = received.assetTag().value();
        donorId = received.donorId().value();
        donationBatchReference = received.donationBatchReference();
        category = received.category();
        manufacturer = received.manufacturer();
        model = received.model();
        serialNumber = received.serialNumber();
        serialScanned = MediumSerials.asScanned(serialNumber);
        conditionNotes = received.conditionNotes();
        receivedAt = asKept(received.receivedAt());
        received.storageMedia().forEach(medium -> media.add(new InventoryMedium(medium)));
        mediaDeclared = !media.isEmpty();
        moveTo(Stage.AWAITING_REFURBISHMENT, receivedAt);
    }

    void reached(long sequence) {
        lastSequence = sequence;
    }

    void changeMedium(UUID mediumId, Consumer<InventoryMedium> change, Instant at) {
        medium(mediumId).ifPresent(change);
        reviewState(at);
    }

    void addMedium(StorageMedium medium, Instant at) {
        media.add(new InventoryMedium(medium));
        mediaDeclared = true;
        reviewState(at);
    }

    void storageRemovalStated(StorageRemovalStatement statement, Instant at) {
        storageRemovalStatedBy = statement.statedBy();
        storageRemovalStatedOn = statement.statedOn();
        storageRemovalDocument = statement.documentReference();
        reviewState(at);
    }

    void removeMedium(UUID mediumId, Instant at) {
        media.removeIf(medium -> medium.getMediumId().equals(mediumId));
        reviewState(at);
    }

    void refurbished(String installedSystem, Instant at) {
        operatingSystem = installedSystem;
        moveTo(Stage.REFURBISHED, at);
    }

    void failedQualityCheck(Instant at) {
        moveTo(Stage.AWAITING_REFURBISHMENT, at);
    }

    void ready(QualityGrade givenGrade, Instant at) {
        grade = givenGrade;
        moveTo(Stage.READY, at);
    }

    void allocated(UUID referral, Instant at) {
        referralId = referral;
        moveTo(Stage.ALLOCATED, at);
    }

    void allocationCancelled(Instant at) {
        referralId = null;
        moveTo(Stage.READY, at);
    }

    void handedOver(UUID ceremony, Instant at) {
        ceremonyId = ceremony;
        moveTo(Stage.HANDED_OVER, at);
    }

    void returned(Instant at) {
        referralId = null;
        ceremonyId = null;
        grade = null;
        media.forEach(InventoryMedium::mayHoldDataAgain);
        if (media.isEmpty()) { // as the aggregate: storage the household fitted would be on no record
            mediaDeclared = false;
            storageRemovalStatedBy = null;
            storageRemovalStatedOn = null;
            storageRemovalDocument = null;
        }
        moveTo(Stage.AWAITING_REFURBISHMENT, at);
    }

    void recycled(Instant at) {
        moveTo(Stage.RECYCLED, at);
    }

    void corrected(DeviceDetailsCorrected correction) {
        category = Optional.ofNullable(correction.category()).orElse(category);
        manufacturer = Optional.ofNullable(correction.manufacturer()).orElse(manufacturer);
        model = Optional.ofNullable(correction.model()).orElse(model);
        serialNumber = Optional.ofNullable(correction.serialNumber()).orElse(serialNumber);
        serialScanned = MediumSerials.asScanned(serialNumber);
        donationBatchReference = Optional.ofNullable(correction.donationBatchReference()).orElse(donationBatchReference);
        conditionNotes = Optional.ofNullable(correction.conditionNotes()).orElse(conditionNotes);
    }

    private void moveTo(Stage newStage, Instant at) {
        stage = newStage;
        reviewState(at);
    }

    /**
     * In the workshop (before the quality check) a device whose media may still hold data waits for sanitisation,
     * whatever else was done to it — as does one with no erasure evidence, whose empty media list proves nothing;
     * once erased it waits for refurbishment or its check. Later stages are only reached with every medium erased
     * (the command side sees to it), so they speak for themselves; {@link #getErasureEvidence()} tells the rest.
     */
    private void reviewState(Instant when) {
        Instant at = asKept(when);
        boolean erased = getErasureEvidence() != ErasureEvidence.NONE
                && media.stream().allMatch(medium -> medium.getErasureStatus().holdsNoData());
        DeviceState newState = switch (stage) {
            case AWAITING_REFURBISHMENT -> erased ? DeviceState.SANITISED : DeviceState.AWAITING_SANITISATION;
            case REFURBISHED -> erased ? DeviceState.REFURBISHED : DeviceState.AWAITING_SANITISATION;
            case READY -> DeviceState.READY;
            case ALLOCATED -> DeviceState.ALLOCATED;
            case HANDED_OVER -> DeviceState.HANDED_OVER;
            case RECYCLED -> DeviceState.RECYCLED;
        };
        if (newState != state) {
            state = newState;
            stateSince = at;
        }
        if (erased && sanitisedAt == null) {
            sanitisedAt = at;
        }
        if (state == DeviceState.READY && readyAt == null) {
            readyAt = at;
        }
        if (state == DeviceState.HANDED_OVER && handedOverAt == null) {
            handedOverAt = at;
        }
    }

    /**
     * An instant as its column keeps it, to the nearest microsecond (half up, as the PostgreSQL driver and H2 round
     * it): the workshop's figures count a milestone from this row now and from its stored copy at a later event, and
     * an event timed to the nanosecond at a month's last instant would otherwise be counted in two months.
     */
    private static Instant asKept(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private Optional<InventoryMedium> medium(UUID mediumId) {
        return media.stream().filter(medium -> medium.getMediumId().equals(mediumId)).findFirst();
    }

    public UUID getDeviceId() {
        return deviceId;
    }

    public String getAssetTag() {
        return assetTag;
    }

    public UUID getDonorId() {
        return donorId;
    }

    public String getDonationBatchReference() {
        return donationBatchReference;
    }

    public DeviceCategory getCategory() {
        return category;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public String getModel() {
        return model;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public String getConditionNotes() {
        return conditionNotes;
    }

    public DeviceState getState() {
        return state;
    }

    public Instant getStateSince() {
        return stateSince;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    WorkshopFigures.Milestones milestones() {
        return new WorkshopFigures.Milestones(receivedAt, sanitisedAt, readyAt, handedOverAt);
    }

    public QualityGrade getGrade() {
        return grade;
    }

    public UUID getReferralId() {
        return referralId;
    }

    public UUID getCeremonyId() {
        return ceremonyId;
    }

    public long getLastSequence() {
        return lastSequence;
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public List<InventoryMedium> getMedia() {
        return List.copyOf(media);
    }

    public ErasureEvidence getErasureEvidence() {
        if (mediaDeclared) {
            return ErasureEvidence.MEDIA;
        }
        return storageRemovalStatedBy != null ? ErasureEvidence.DONOR_STATEMENT : ErasureEvidence.NONE;
    }

    /** The donor's statement that the storage was removed, or empty when none was recorded. */
    public Optional<StorageRemovalStatement> getStorageRemoval() {
        return storageRemovalStatedBy == null ? Optional.empty() : Optional.of(new StorageRemovalStatement(
                storageRemovalStatedBy, storageRemovalStatedOn, storageRemovalDocument));
    }
}
