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
import org.ordinateurssolidaires.events.device.QualityGrade;
import org.ordinateurssolidaires.events.device.StorageMedium;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** One row of the inventory: a device as it is now. Written only by {@link InventoryProjection}. */
@Entity
@Table(name = "inventory_device")
public class InventoryDevice {

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
    private String conditionNotes;
    @Enumerated(EnumType.STRING)
    private DeviceState state;
    /** When the device entered its current state: what the ageing of the stock is measured from. */
    private Instant stateSince;
    private Instant receivedAt;
    @Enumerated(EnumType.STRING)
    private QualityGrade grade;
    private UUID referralId;
    private UUID ceremonyId;
    private String operatingSystem;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inventory_medium", joinColumns = @JoinColumn(name = "device_id"))
    @OrderColumn(name = "position")
    private List<InventoryMedium> media = new ArrayList<>();

    protected InventoryDevice() {
        // for JPA
    }

    InventoryDevice(DeviceReceived received) {
        deviceId = received.deviceId().value();
        assetTag = received.assetTag().value();
        donorId = received.donorId().value();
        donationBatchReference = received.donationBatchReference();
        category = received.category();
        manufacturer = received.manufacturer();
        model = received.model();
        serialNumber = received.serialNumber();
        conditionNotes = received.conditionNotes();
        receivedAt = received.receivedAt();
        received.storageMedia().forEach(medium -> media.add(new InventoryMedium(medium)));
        moveTo(DeviceState.AWAITING_SANITISATION, receivedAt);
        reviewErasure(receivedAt);
    }

    void changeMedium(UUID mediumId, Consumer<InventoryMedium> change, Instant at) {
        medium(mediumId).ifPresent(change);
        reviewErasure(at);
    }

    void addMedium(StorageMedium medium, Instant at) {
        media.add(new InventoryMedium(medium));
        reviewErasure(at);
    }

    void removeMedium(UUID mediumId, Instant at) {
        media.removeIf(medium -> medium.getMediumId().equals(mediumId));
        reviewErasure(at);
    }

    void refurbished(String installedSystem, Instant at) {
        operatingSystem = installedSystem;
        moveTo(DeviceState.REFURBISHED, at);
    }

    void ready(QualityGrade givenGrade, Instant at) {
        grade = givenGrade;
        moveTo(DeviceState.READY, at);
    }

    void allocated(UUID referral, Instant at) {
        referralId = referral;
        moveTo(DeviceState.ALLOCATED, at);
    }

    void allocationCancelled(Instant at) {
        referralId = null;
        moveTo(DeviceState.READY, at);
    }

    void handedOver(UUID ceremony, Instant at) {
        ceremonyId = ceremony;
        moveTo(DeviceState.HANDED_OVER, at);
    }

    void returned(Instant at) {
        referralId = null;
        ceremonyId = null;
        grade = null;
        media.forEach(InventoryMedium::mayHoldDataAgain);
        moveTo(DeviceState.AWAITING_SANITISATION, at);
        reviewErasure(at);
    }

    void recycled(Instant at) {
        moveTo(DeviceState.RECYCLED, at);
    }

    void corrected(DeviceDetailsCorrected correction) {
        category = Optional.ofNullable(correction.category()).orElse(category);
        manufacturer = Optional.ofNullable(correction.manufacturer()).orElse(manufacturer);
        model = Optional.ofNullable(correction.model()).orElse(model);
        serialNumber = Optional.ofNullable(correction.serialNumber()).orElse(serialNumber);
        donationBatchReference = Optional.ofNullable(correction.donationBatchReference()).orElse(donationBatchReference);
        conditionNotes = Optional.ofNullable(correction.conditionNotes()).orElse(conditionNotes);
    }

    /** Before refurbishment, the state says whether the device still waits for its media to be erased. */
    private void reviewErasure(Instant at) {
        if (state == DeviceState.AWAITING_SANITISATION || state == DeviceState.SANITISED) {
            boolean erased = media.stream().allMatch(medium -> medium.getErasureStatus().holdsNoData());
            moveTo(erased ? DeviceState.SANITISED : DeviceState.AWAITING_SANITISATION, at);
        }
    }

    private void moveTo(DeviceState newState, Instant at) {
        if (newState != state) {
            state = newState;
            stateSince = at;
        }
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

    public QualityGrade getGrade() {
        return grade;
    }

    public UUID getReferralId() {
        return referralId;
    }

    public UUID getCeremonyId() {
        return ceremonyId;
    }

    public String getOperatingSystem() {
        return operatingSystem;
    }

    public List<InventoryMedium> getMedia() {
        return List.copyOf(media);
    }
}
