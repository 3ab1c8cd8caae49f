package org.ordinateurssolidaires.command.batch;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ordinateurssolidaires.command.device.ImportedDeliveries;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceRecycled;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.donor.DonationBatchId;
import org.ordinateurssolidaires.events.donor.DonationBatchReceived;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each donation batch has been processed, for the rule that a donor reconciles a batch only once every
 * device in it is processed. A device counts as processed once refurbished or recycled: both need every medium
 * erased first, so the donor compares what it gave with what was wiped. Kept in the same transaction as the events.
 */
@Component
@ProcessingGroup("donation-batch-progress")
public class BatchProgress implements ImportedDeliveries {

    private final JdbcTemplate jdbc;

    BatchProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many devices of the batch are still to be processed. */
    public int devicesInProgress(DonationBatchId batch) {
        Integer waiting = jdbc.queryForObject(
                "select count(*) from donation_batch_device where batch_id = ? and not processed", Integer.class,
                batch.value());
        return waiting == null ? 0 : waiting;
    }

    @Override
    public boolean isImported(DonorId donor, String reference) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from donation_batch_device where batch_id = ?)", Boolean.class,
                DonationBatchId.of(donor, reference).value()));
    }

    @Override
    public boolean cameInAFile(DeviceId device) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from donation_batch_device where device_id = ?)", Boolean.class,
                device.value()));
    }

    @EventHandler
    void on(DonationBatchReceived event) {
        event.devices().forEach(device -> jdbc.update(
                "insert into donation_batch_device (device_id, batch_id) values (?, ?)", device.value(),
                event.batchId().value()));
    }

    @EventHandler
    void on(DeviceRefurbished event) {
        processed(event.deviceId());
    }

    @EventHandler
    void on(DeviceRecycled event) {
        processed(event.deviceId());
    }

    private void processed(DeviceId device) {
        jdbc.update("update donation_batch_device set processed = true where device_id = ?", device.value());
    }
}
