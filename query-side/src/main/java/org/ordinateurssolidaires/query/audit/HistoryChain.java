package org.ordinateurssolidaires.query.audit;

import org.ordinateurssolidaires.query.config.StoredEvent;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The links of the tamper-evident history. Each event's link is the SHA-256 of the previous link and of every
 * column of the event's row but its position — identifier, aggregate id, sequence, aggregate type, payload type and
 * revision, payload, metadata, timestamp — each field prefixed by its length so that no two different rows hash
 * alike (the position is covered by the order of the links). The link before the
 * first event is {@link #GENESIS}. Changing, removing or reordering any stored byte changes every later link, so a
 * published link (position and hash) vouches for the whole history up to it.
 * <p>Not thread-safe: one instance per reader.
 */
final class HistoryChain {

    /** The link before the first event: 32 zero bytes. */
    static final byte[] GENESIS = new byte[32];

    private final MessageDigest sha256;
    /** The row's fields, hashed at once: one update per event rather than two per field (its profile, 10 % of the
     * audit's checking thread went to the digest's small updates). Grows to the largest row read. */
    private ByteBuffer row = ByteBuffer.allocate(4_096);

    HistoryChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    byte[] link(byte[] previous, StoredEvent event) {
        byte[] eventIdentifier = utf8(event.eventIdentifier());
        byte[] aggregateIdentifier = utf8(event.aggregateIdentifier());
        byte[] type = utf8(event.type());
        byte[] payloadType = utf8(event.payloadType());
        byte[] payloadRevision = utf8(event.payloadRevision());
        byte[] timeStamp = utf8(event.timeStamp());
        fit(previous.length + 9 * Long.BYTES + length(eventIdentifier) + length(aggregateIdentifier) + length(type)
                + length(payloadType) + length(payloadRevision) + length(event.payload()) + length(event.metaData())
                + length(timeStamp));
        row.put(previous);
        field(eventIdentifier);
        field(aggregateIdentifier);
        row.putLong(event.sequenceNumber());
        field(type);
        field(payloadType);
        field(payloadRevision);
        field(event.payload());
        field(event.metaData());
        field(timeStamp);
        sha256.update(row.array(), 0, row.position());
        return sha256.digest();
    }

    static String hex(byte[] link) {
        return HexFormat.of().formatHex(link);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** An empty row of at least {@code bytes}. */
    private void fit(int bytes) {
        if (row.capacity() < bytes) {
            row = ByteBuffer.allocate(Math.max(bytes, 2 * row.capacity()));
        }
        row.clear();
    }

    /** A null field hashes apart from an empty one: length -1 (big-endian, as ByteBuffer writes). */
    private void field(byte[] bytes) {
        row.putLong(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            row.put(bytes);
        }
    }
}
