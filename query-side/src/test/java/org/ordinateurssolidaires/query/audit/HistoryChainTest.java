package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.config.StoredEvent;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link is what docs/erasure-audit.md publishes, byte for byte: auditors recompute it with their own tools, and
 * links published earlier must still check. The expected digests are computed here from the published definition,
 * not from the class under test.
 */
class HistoryChainTest {

    private static final StoredEvent RECEIVED = new StoredEvent(7, "4c1d0b7e-event", "d9a1-device", 0, "Device",
            "org.ordinateurssolidaires.events.device.DeviceReceived", null,
            "{\"deviceId\":\"d9a1-device\",\"assetTag\":\"OS-2026-0042\",\"note\":\"écran 15\\\"\"}"
                    .getBytes(StandardCharsets.UTF_8),
            "{\"userId\":\"camille\"}".getBytes(StandardCharsets.UTF_8), "2026-11-30T09:15:00.123Z");

    private static final StoredEvent SANITISED = new StoredEvent(8, "5e2f-event", "d9a1-device", 1, "Device",
            "org.ordinateurssolidaires.events.device.StorageMediumSanitised", "2",
            new byte[0], "{}".getBytes(StandardCharsets.UTF_8), "2026-11-30T10:00:00Z");

    @Test
    void linksAnEventAsPublished() throws Exception {
        HistoryChain chain = new HistoryChain();

        byte[] first = chain.link(HistoryChain.GENESIS, RECEIVED);
        byte[] second = chain.link(first, SANITISED);

        assertThat(HistoryChain.hex(first)).isEqualTo(HistoryChain.hex(published(HistoryChain.GENESIS, RECEIVED)));
        assertThat(HistoryChain.hex(second)).isEqualTo(HistoryChain.hex(published(first, SANITISED)));
    }

    @Test
    void linksARowLargerThanTheOnesBeforeIt() throws Exception {
        HistoryChain chain = new HistoryChain();
        byte[] first = chain.link(HistoryChain.GENESIS, SANITISED);
        StoredEvent large = new StoredEvent(9, "6f30-event", "d9a1-device", 2, "Device",
                SANITISED.payloadType(), null, "x".repeat(20_000).getBytes(StandardCharsets.UTF_8),
                RECEIVED.metaData(), RECEIVED.timeStamp());

        byte[] second = chain.link(first, large);
        byte[] third = chain.link(second, RECEIVED);

        assertThat(HistoryChain.hex(second)).isEqualTo(HistoryChain.hex(published(first, large)));
        assertThat(HistoryChain.hex(third)).isEqualTo(HistoryChain.hex(published(second, RECEIVED)));
    }

    @Test
    void theLinkBeforeTheFirstEventIsThirtyTwoZeroBytes() {
        assertThat(HistoryChain.GENESIS).hasSize(32).containsOnly(0);
    }

    @Test
    void anAbsentFieldHashesApartFromAnEmptyOne() {
        HistoryChain chain = new HistoryChain();
        StoredEvent withEmptyRevision = new StoredEvent(8, "5e2f-event", "d9a1-device", 1, "Device",
                SANITISED.payloadType(), "", SANITISED.payload(), SANITISED.metaData(), SANITISED.timeStamp());
        StoredEvent withoutRevision = new StoredEvent(8, "5e2f-event", "d9a1-device", 1, "Device",
                SANITISED.payloadType(), null, SANITISED.payload(), SANITISED.metaData(), SANITISED.timeStamp());

        assertThat(chain.link(HistoryChain.GENESIS, withEmptyRevision))
                .isNotEqualTo(chain.link(HistoryChain.GENESIS, withoutRevision));
    }

    /** docs/erasure-audit.md: SHA-256(previous || len, field || ... ), lengths 8-byte big-endian, null as -1. */
    private static byte[] published(byte[] previous, StoredEvent event) throws IOException, NoSuchAlgorithmException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes); // big-endian
        out.write(previous);
        text(out, event.eventIdentifier());
        text(out, event.aggregateIdentifier());
        out.writeLong(event.sequenceNumber());
        text(out, event.type());
        text(out, event.payloadType());
        text(out, event.payloadRevision());
        field(out, event.payload());
        field(out, event.metaData());
        text(out, event.timeStamp());
        return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        field(out, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(DataOutputStream out, byte[] field) throws IOException {
        out.writeLong(field == null ? -1 : field.length);
        if (field != null) {
            out.write(field);
        }
    }
}
