package org.ordinateurssolidaires.query.erasure;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.ordinateurssolidaires.events.device.DestructionMethod;
import org.ordinateurssolidaires.events.device.MediaType;
import org.ordinateurssolidaires.events.device.MediumSerials;
import org.ordinateurssolidaires.events.device.SanitisationLevel;
import org.ordinateurssolidaires.events.device.SanitisationRecord;
import org.ordinateurssolidaires.events.device.SanitisationTechnique;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.VerificationMethod;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the erasure register: a sanitisation (passed or failed) or a destruction of one medium, as
 * recorded. Written only by {@link ErasureRegisterProjection}; one row per event, so a replay writes it again.
 */
@Entity
@Table(name = "erasure_record")
@JsonPropertyOrder({"performedAt", "mediumSerial", "mediaType", "assetTag", "outcome", "level", "technique",
        "verification", "tool", "toolVersion", "operator", "location", "toolReportSha256", "remark", "deviceId",
        "donorId", "mediumId", "eventId", "storePosition"}) // the order of the CSV export's columns, as an auditor reads them
public class ErasureRecord {

    public enum Outcome { SANITISED, FAILED, DESTROYED }

    @Id
    private String eventId;
    private long storePosition;
    private UUID deviceId;
    private String assetTag;
    private UUID donorId;
    private UUID mediumId;
    private String mediumSerial;
    /** What a search by serial compares: the serial as a scanner may read it ({@link MediumSerials}). */
    @JsonIgnore
    private String serialKey;
    @Enumerated(EnumType.STRING)
    private MediaType mediaType;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    private SanitisationLevel level;
    @Enumerated(EnumType.STRING)
    private SanitisationTechnique technique;
    private String tool;
    private String toolVersion;
    @Enumerated(EnumType.STRING)
    private VerificationMethod verification;
    private String operator;
    private String location;
    private Instant performedAt;
    private String toolReportSha256;
    /** Why an attempt failed, or how a medium was destroyed and under which certificate. */
    private String remark;
    /** The destruction's method and certificate apart, for the pages to say in their language. */
    @Enumerated(EnumType.STRING)
    private DestructionMethod destructionMethod;
    private String certificateReference;

    protected ErasureRecord() {
        // for JPA
    }

    private ErasureRecord(RecordedEvent event, UUID deviceId, ErasureDevice device, StorageMedium medium,
                          Outcome outcome, String operator, String location, Instant performedAt, String remark) {
        this.eventId = event.identifier();
        this.storePosition = event.position();
        this.deviceId = deviceId;
        this.assetTag = device == null ? null : device.getAssetTag();
        this.donorId = device == null ? null : device.getDonorId();
        this.mediumId = medium.mediumId();
        this.mediumSerial = medium.serialNumber();
        this.serialKey = MediumSerials.asScanned(medium.serialNumber());
        this.mediaType = medium.mediaType();
        this.outcome = outcome;
        this.operator = operator;
        this.location = location;
        this.performedAt = performedAt;
        this.remark = remark;
    }

    /** Which event a record comes from, and where it is in the store. */
    record RecordedEvent(String identifier, long position) {
    }

    static ErasureRecord sanitisation(RecordedEvent event, UUID deviceId, ErasureDevice device,
                                      SanitisationRecord record, Outcome outcome, String failureReason) {
        var entry = new ErasureRecord(event, deviceId, device, record.medium(), outcome, record.operator(),
                record.location(), record.performedAt(), failureReason);
        entry.level = record.level();
        entry.technique = record.technique();
        entry.tool = record.tool();
        entry.toolVersion = record.toolVersion();
        entry.verification = record.verificationMethod();
        entry.toolReportSha256 = record.toolReportSha256();
        return entry;
    }

    static ErasureRecord destruction(RecordedEvent event, ErasureDevice device, StorageMediumDestroyed destroyed) {
        var entry = new ErasureRecord(event, destroyed.deviceId().value(), device, destroyed.medium(),
                Outcome.DESTROYED, destroyed.operator(), destroyed.location(), destroyed.destroyedAt(),
                destroyed.method() + (destroyed.certificateReference() == null ? ""
                        : ", certificate " + destroyed.certificateReference()));
        entry.destructionMethod = destroyed.method();
        entry.certificateReference = destroyed.certificateReference();
        return entry;
    }

    public long getStorePosition() {
        return storePosition;
    }

    public String getEventId() {
        return eventId;
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

    public UUID getMediumId() {
        return mediumId;
    }

    public String getMediumSerial() {
        return mediumSerial;
    }

    public MediaType getMediaType() {
        return mediaType;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public SanitisationLevel getLevel() {
        return level;
    }

    public SanitisationTechnique getTechnique() {
        return technique;
    }

    public String getTool() {
        return tool;
    }

    public String getToolVersion() {
        return toolVersion;
    }

    public VerificationMethod getVerification() {
        return verification;
    }

    public String getOperator() {
        return operator;
    }

    public String getLocation() {
        return location;
    }

    public Instant getPerformedAt() {
        return performedAt;
    }

    public String getToolReportSha256() {
        return toolReportSha256;
    }

    public String getRemark() {
        return remark;
    }

    @JsonIgnore // in the remark for the API and its export
    public DestructionMethod getDestructionMethod() {
        return destructionMethod;
    }

    @JsonIgnore
    public String getCertificateReference() {
        return certificateReference;
    }
}
