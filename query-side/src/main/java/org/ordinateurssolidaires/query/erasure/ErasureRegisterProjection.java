package org.ordinateurssolidaires.query.erasure;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.query.erasure.ErasureRecord.Outcome;
import org.ordinateurssolidaires.query.readmodel.ReadModelProjection;
import org.ordinateurssolidaires.query.readmodel.ReadModelTables;
import org.ordinateurssolidaires.query.readmodel.WritesPerBatch;
import org.springframework.stereotype.Component;

/**
 * The erasure register: every sanitisation record and destruction, kept by its own processor. A device's events
 * come in their order (one segment handles each device), so its reception is known before its media's erasure.
 */
@Component
@ProcessingGroup(ErasureRegisterProjection.PROCESSING_GROUP)
@ReadModelTables({"erasure_record", "erasure_device"})
class ErasureRegisterProjection extends ReadModelProjection {

    static final String PROCESSING_GROUP = "erasure-register";

    private final ErasureRecordRepository records;
    private final ErasureDeviceRepository devices;

    ErasureRegisterProjection(ErasureRecordRepository records, ErasureDeviceRepository devices, WritesPerBatch writes) {
        this.records = records;
        this.devices = devices;
        writes.readWithTheBatch(PROCESSING_GROUP, ErasureDevice.class);
    }

    @EventHandler
    void on(DeviceReceived event) {
        insert(new ErasureDevice(event.deviceId().value(), event.assetTag().value(),
                event.donorId().value()));
    }

    @EventHandler
    void on(StorageMediumSanitised event, EventMessage<?> message, TrackingToken position) {
        insert(ErasureRecord.sanitisation(recorded(message, position), event.deviceId().value(),
                device(event.deviceId()), event.sanitisation(), Outcome.SANITISED, null));
    }

    @EventHandler
    void on(StorageMediumSanitisationFailed event, EventMessage<?> message, TrackingToken position) {
        insert(ErasureRecord.sanitisation(recorded(message, position), event.deviceId().value(),
                device(event.deviceId()), event.attempt(), Outcome.FAILED, event.failureReason()));
    }

    @EventHandler
    void on(StorageMediumDestroyed event, EventMessage<?> message, TrackingToken position) {
        insert(ErasureRecord.destruction(recorded(message, position), device(event.deviceId()), event));
    }

    @ResetHandler
    void reset() {
        records.deleteAllInBatch();
        devices.deleteAllInBatch();
    }

    private static ErasureRecord.RecordedEvent recorded(EventMessage<?> message, TrackingToken position) {
        return new ErasureRecord.RecordedEvent(message.getIdentifier(), position.position().orElseThrow());
    }

    /** Null only if the store holds no reception of the device. */
    private ErasureDevice device(DeviceId device) {
        return row(ErasureDevice.class, device.value()).orElse(null);
    }
}
