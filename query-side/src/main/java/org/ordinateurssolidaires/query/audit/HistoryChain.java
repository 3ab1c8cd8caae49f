package org.ordinateurssolidaires.query.audit;

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
    private final ByteBuffer number = ByteBuffer.allocate(Long.BYTES);

    HistoryChain() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    byte[] link(byte[] previous, StoredEvent event) {
        sha256.update(previous);
        field(event.eventIdentifier());
        field(event.aggregateIdentifier());
        number(event.sequenceNumber());
        field(event.type());
        field(event.payloadType());
        field(event.payloadRevision());
        field(event.payload());
        field(event.metaData());
        field(event.timeStamp());
        return sha256.digest();
    }

    static String hex(byte[] link) {
        return HexFormat.of().formatHex(link);
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private void field(String text) {
        field(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** A null field hashes apart from an empty one: length -1. */
    private void field(byte[] bytes) {
        number(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            sha256.update(bytes);
        }
    }

    private void number(long value) {
        sha256.update(number.clear().putLong(value).array());
    }
}
