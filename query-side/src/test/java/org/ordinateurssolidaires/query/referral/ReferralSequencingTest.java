package org.ordinateurssolidaires.query.referral;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.serialization.EventSerialization;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralSequencingTest {

    private final SequencingPolicy<EventMessage<?>> policy = ReferralSequencing.policy();

    @Test
    void aDeviceEventNamingAReferralWaitsInThatReferralsSequence() {
        var device = new DeviceId(UUID.randomUUID());
        var referral = new ReferralId(UUID.randomUUID());
        var allocated = new GenericDomainEventMessage<>("Device", device.toString(), 4,
                new DeviceAllocated(device, referral, Instant.parse("2026-03-02T10:00:00Z")));

        assertThat(policy.getSequenceIdentifierFor(allocated)).isEqualTo(referral.toString());
    }

    /**
     * A payload this version cannot read (a newer app's, a value it does not know): sequenced by its aggregate, not
     * refused here, where the whole group would stop at it; its handler's own failure to read it parks it alone.
     */
    @Test
    void anEventThisVersionCannotReadKeepsItsAggregatesSequence() {
        String device = UUID.randomUUID().toString();
        var stored = new GenericDomainEventEntry<>("Device", device, 4, UUID.randomUUID().toString(),
                Instant.parse("2026-03-02T10:00:00Z"), DeviceAllocated.class.getName(), null,
                ("{\"deviceId\":\"" + device + "\",\"referralId\":\"not one\","
                 + "\"allocatedAt\":\"2026-03-02T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        // as the processor is given it: read from the store, its payload read when first asked for
        EventMessage<?> unreadable = EventUtils.upcastAndDeserializeTrackedEvents(
                Stream.of(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(7), stored)),
                EventSerialization.serializer(), NoOpEventUpcaster.INSTANCE).findFirst().orElseThrow();

        assertThat(policy.getSequenceIdentifierFor(unreadable)).isEqualTo(device);
        assertThatThrownBy(unreadable::getPayload).isInstanceOf(SerializationException.class);
    }
}
