package org.ordinateurssolidaires.query.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.MediumSerials;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.VerificationMethod;

import java.time.Instant;
import java.util.UUID;

/** A medium currently in a device, with the state of its erasure. */
@Embeddable
public class InventoryMedium {

    @Column(name = "medium_id")
    private UUID mediumId;
    @Enumerated(EnumType.STRING)
    private MediaType mediaType;
    private String manufacturer;
    private String model;
    private String serialNumber;
    /** The serial as a scanner may read it ({@link MediumSerials}): how two devices' media are found to be one. */
    private String serialScanned;
    private Integer capacityGigabytes;
    @Enumerated(EnumType.STRING)
    private ErasureStatus erasureStatus;
    @Enumerated(EnumType.STRING)
    private SanitisationLevel sanitisationLevel;
    @Enumerated(EnumType.STRING)
    private SanitisationTechnique sanitisationTechnique;
    private String sanitisationTool;
    private String sanitisationToolVersion;
    @Enumerated(EnumType.STRING)
    private VerificationMethod verificationMethod;
    private String sanitisationOperator;
    private String toolReportSha256;
    private Instant erasedAt;
    private int sanitisationAttempts;

    protected InventoryMedium() {
        // for JPA
    }

    InventoryMedium(StorageMedium medium) {
        this.mediumId = medium.mediumId();
        this.mediaType = medium.mediaType();
        this.manufacturer = medium.manufacturer();
        this.model = medium.model();
        this.serialNumber = medium.serialNumber();
        this.serialScanned = MediumSerials.asScanned(medium.serialNumber());
        this.capacityGigabytes = medium.capacityGigabytes();
        this.erasureStatus = ErasureStatus.PENDING;
    }

    /** Keeps the proof a donor's report and certificate show: how, with what, checked how, by whom, when. */
    void sanitised(SanitisationRecord record) {
        sanitisationAttempts++;
        erasureStatus = ErasureStatus.SANITISED;
        sanitisationLevel = record.level();
        sanitisationTechnique = record.technique();
        sanitisationTool = record.tool();
        sanitisationToolVersion = record.toolVersion();
        verificationMethod = record.verificationMethod();
        sanitisationOperator = record.operator();
        toolReportSha256 = record.toolReportSha256();
        erasedAt = record.performedAt();
    }

    /** A failed attempt after a wipe: the medium may hold data as far as anyone can tell, the wipe proves nothing. */
    void sanitisationFailed() {
        sanitisationAttempts++;
        erasureStatus = ErasureStatus.FAILED;
        forgetTheWipe();
    }

    /** Destroyed after a wipe: the destruction is its proof, not the wipe, whose tool and report no longer apply. */
    void destroyed(Instant at) {
        forgetTheWipe();
        erasureStatus = ErasureStatus.DESTROYED;
        erasedAt = at;
    }

    /** After a return the medium may hold the household's data: its earlier erasure no longer counts. */
    void mayHoldDataAgain() {
        if (erasureStatus != ErasureStatus.DESTROYED) {
            erasureStatus = ErasureStatus.PENDING;
            forgetTheWipe();
        }
    }

    private void forgetTheWipe() {
        sanitisationLevel = null;
        sanitisationTechnique = null;
        sanitisationTool = null;
        sanitisationToolVersion = null;
        verificationMethod = null;
        sanitisationOperator = null;
        toolReportSha256 = null;
        erasedAt = null;
    }

    public UUID getMediumId() {
        return mediumId;
    }

    public MediaType getMediaType() {
        return mediaType;
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

    public Integer getCapacityGigabytes() {
        return capacityGigabytes;
    }

    public ErasureStatus getErasureStatus() {
        return erasureStatus;
    }

    public SanitisationLevel getSanitisationLevel() {
        return sanitisationLevel;
    }

    public SanitisationTechnique getSanitisationTechnique() {
        return sanitisationTechnique;
    }

    public String getSanitisationTool() {
        return sanitisationTool;
    }

    public String getSanitisationToolVersion() {
        return sanitisationToolVersion;
    }

    public VerificationMethod getVerificationMethod() {
        return verificationMethod;
    }

    public String getSanitisationOperator() {
        return sanitisationOperator;
    }

    public String getToolReportSha256() {
        return toolReportSha256;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public int getSanitisationAttempts() {
        return sanitisationAttempts;
    }
}
