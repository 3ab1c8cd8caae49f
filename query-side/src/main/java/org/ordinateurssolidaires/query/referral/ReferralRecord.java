package org.ordinateurssolidaires.query.referral;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A referral as partners and staff follow it, by household code. The people's data is here only sealed, as in the
 * event, and only until they are forgotten; it has no getter, so this record as served to partners never shows
 * it. Written only by {@link ReferralProjection}.
 */
@Entity
@Table(name = "referral_record")
public class ReferralRecord {

    public enum Status { AWAITING_DECISION, WAITING, ALLOCATED, FULFILLED, REJECTED, WITHDRAWN }

    public enum PersonalData { ENCRYPTED, ERASED }

    @Id
    private UUID referralId;
    private UUID partnerId;
    private String householdCode;
    @Enumerated(EnumType.STRING)
    private EligibilityCriterion criterion;
    /** The criterion's rank, stored so the waiting list can be ordered by it in the database. */
    private int criterionRank;
    private int householdSize;
    private int children;
    @Enumerated(EnumType.STRING)
    private DeviceCategory need;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private PersonalData personalData;
    private Instant submittedAt;
    /** The device allocated last of those {@link #allocatedDevices} holds, null when none is. */
    private UUID allocatedDevice;
    /**
     * A household may be given several devices: those allocated to it and not cancelled nor given back, in their
     * order, comma-separated (a row, not a table, read with the referral in one statement).
     */
    private String allocatedDevices = "";
    /** How many {@link #allocatedDevices} holds. */
    private int devicesAllocated;
    /** When the household last gave a device back; the referral stays fulfilled, as on the command side. */
    private Instant deviceReturnedAt;
    private String outcomeReason;
    /** Why staff equip again a household the programme already equipped; null for a first referral. */
    private String secondReferralJustification;
    /** Read through {@link #sealedPersonalData()} only. */
    private String personalDataKeyId;
    private String personalDataNonce;
    private String personalDataCiphertext;

    protected ReferralRecord() {
        // for JPA
    }

    ReferralRecord(ReferralSubmitted submitted) {
        referralId = submitted.referralId().value();
        partnerId = submitted.partnerId().value();
        householdCode = submitted.householdCode();
        criterion = submitted.criterion();
        criterionRank = submitted.criterion().rank();
        householdSize = submitted.householdSize();
        children = submitted.children();
        need = submitted.need();
        status = Status.AWAITING_DECISION;
        personalData = PersonalData.ENCRYPTED;
        submittedAt = submitted.submittedAt();
        personalDataKeyId = submitted.personalData().keyId();
        personalDataNonce = submitted.personalData().nonce();
        personalDataCiphertext = submitted.personalData().ciphertext();
    }

    void accepted() {
        status = Status.WAITING;
    }

    void closed(Status outcome, String reason) {
        status = outcome;
        outcomeReason = reason;
    }

    /** A closed referral stays closed: histories from before the rule hold allocations after a withdrawal. */
    void allocated(UUID device) {
        if (status == Status.WAITING || status == Status.ALLOCATED) {
            status = Status.ALLOCATED;
        }
        List<UUID> devices = allocatedDevices();
        devices.add(device);
        allocatedDevices(devices);
    }

    /**
     * Back in line at its original place once no device is allocated to it any more, unless it was closed meanwhile
     * (withdrawn before the rule that a withdrawal waits for the allocation's cancellation): the list is ordered by
     * criterion, then by referral date.
     */
    void allocationCancelled(UUID device) {
        List<UUID> devices = allocatedDevices();
        devices.remove(device);
        allocatedDevices(devices);
        if (devices.isEmpty() && status == Status.ALLOCATED) {
            status = Status.WAITING;
        }
    }

    /** A device given back is no longer the household's: the referral stops naming it, and says when. */
    void deviceReturned(UUID device, Instant returnedAt) {
        List<UUID> devices = allocatedDevices();
        devices.remove(device);
        allocatedDevices(devices);
        deviceReturnedAt = returnedAt;
    }

    void fulfilled() {
        status = Status.FULFILLED;
    }

    void secondReferralJustified(String justification) {
        secondReferralJustification = justification;
    }

    /** The key is gone, so the ciphertext is noise; it is dropped all the same, to keep nothing of the person. */
    void forgotten() {
        personalData = PersonalData.ERASED;
        personalDataKeyId = null;
        personalDataNonce = null;
        personalDataCiphertext = null;
    }

    /** Every device allocated to the household and not taken back or given back, in the order allocated. */
    public List<UUID> getAllocatedDevices() {
        return List.copyOf(allocatedDevices());
    }

    private List<UUID> allocatedDevices() {
        return allocatedDevices.isEmpty() ? new ArrayList<>()
                : Arrays.stream(allocatedDevices.split(",")).map(UUID::fromString)
                        .collect(Collectors.toCollection(ArrayList::new));
    }

    private void allocatedDevices(List<UUID> devices) {
        allocatedDevices = devices.stream().map(UUID::toString).collect(Collectors.joining(","));
        allocatedDevice = devices.isEmpty() ? null : devices.get(devices.size() - 1);
        devicesAllocated = devices.size();
    }

    /** Nothing once the person was forgotten. */
    Optional<EncryptedPersonalData> sealedPersonalData() {
        return Optional.ofNullable(personalDataKeyId)
                       .map(keyId -> new EncryptedPersonalData(keyId, personalDataNonce, personalDataCiphertext));
    }

    public UUID getReferralId() {
        return referralId;
    }

    public UUID getPartnerId() {
        return partnerId;
    }

    public String getHouseholdCode() {
        return householdCode;
    }

    public EligibilityCriterion getCriterion() {
        return criterion;
    }

    public int getHouseholdSize() {
        return householdSize;
    }

    public int getChildren() {
        return children;
    }

    public DeviceCategory getNeed() {
        return need;
    }

    public Status getStatus() {
        return status;
    }

    public PersonalData getPersonalData() {
        return personalData;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public UUID getAllocatedDevice() {
        return allocatedDevice;
    }

    public Instant getDeviceReturnedAt() {
        return deviceReturnedAt;
    }

    public String getOutcomeReason() {
        return outcomeReason;
    }

    /** Staff's own, never in a partner's list of its referrals: it would say the household was equipped before. */
    @JsonIgnore
    public String getSecondReferralJustification() {
        return secondReferralJustification;
    }
}
