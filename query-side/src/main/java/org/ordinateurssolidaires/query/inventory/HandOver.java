package org.ordinateurssolidaires.query.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One hand-over of a device to a household, kept when the household gives the device back: a device's row says
 * where it is now, and a donor's report says how many of its devices each ceremony saw handed over, which a later
 * return does not undo. Keyed by the event's place in the device's stream.
 */
@Entity
@Table(name = "inventory_hand_over")
@IdClass(HandOver.Key.class)
class HandOver {

    @Id
    private UUID deviceId;
    @Id
    private long sequenceNumber;
    private UUID donorId;
    private UUID referralId;
    private UUID ceremonyId;
    private Instant handedOverAt;

    protected HandOver() {
        // for JPA
    }

    HandOver(InventoryDevice device, long sequenceNumber, UUID referralId, UUID ceremonyId, Instant handedOverAt) {
        this.deviceId = device.getDeviceId();
        this.sequenceNumber = sequenceNumber;
        this.donorId = device.getDonorId();
        this.referralId = referralId;
        this.ceremonyId = ceremonyId;
        this.handedOverAt = handedOverAt;
    }

    InventoryQueries.HandOverView view() {
        return new InventoryQueries.HandOverView(deviceId, referralId, ceremonyId, handedOverAt);
    }

    record Key(UUID deviceId, long sequenceNumber) implements Serializable {
    }
}
