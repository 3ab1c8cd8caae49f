package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.testing.AdjustableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.events.device.DeviceCategory.LAPTOP;
import static org.ordinateurssolidaires.query.SampleDevices.newDevice;
import static org.ordinateurssolidaires.query.SampleDevices.received;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;

/**
 * Holes that stay in the global index (transactions rolled back) hold the history chain back once, together, and
 * not a settling time each; a restarted recorder does not wait for them again.
 */
class HistoryChainHolesIT {

    private static final Duration SETTLED = Duration.ofSeconds(61);

    private final AdjustableClock clock = new AdjustableClock(Instant.now());
    private final AuditedStore store = new AuditedStore("ordinateurs_chain_holes_it", clock);
    private final DeviceId device = newDevice();

    @Test
    void everyHoleAheadSettlesAtOnceAndARestartDoesNotWaitAgain() {
        store.leaveAHole(); // before the very first event
        store.events.append(received(device, "HOLE-1", new DonorId(UUID.randomUUID()), LAPTOP));
        store.leaveAHole();
        store.events.append(refurbished(device));
        store.leaveAHole();
        store.leaveAHole();
        store.events.append(refurbished(device));
        long last = store.positionOf(device, 2);

        store.linkNewEvents();
        assertThat(head()).as("nothing linked past a hole seen just now").isZero();
        clock.advance(SETTLED);
        store.linkNewEvents();
        assertThat(head()).as("the three holes, seen together, settled together").isEqualTo(last);

        store.leaveAHole();
        store.events.append(refurbished(device));
        store.linkNewEvents();
        assertThat(head()).isEqualTo(last);
        clock.advance(SETTLED);
        store.restartRecorder();
        store.linkNewEvents();
        assertThat(head()).as("the hole seen before the restart settled meanwhile")
                          .isEqualTo(store.positionOf(device, 3));
        assertThat(store.jdbc.queryForObject("select count(*) from history_chain_hole", Long.class))
                .as("passed holes are forgotten").isZero();
        assertThat(store.audit().clean()).isTrue();
    }

    private long head() {
        return store.audit().chainHead().globalIndex();
    }
}
