package org.ordinateurssolidaires.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.serialization.EventSerialization;
import org.ordinateurssolidaires.query.audit.AuditReport.PublishedLinkCheck;
import org.ordinateurssolidaires.query.audit.AuditReport.Tampering;
import org.ordinateurssolidaires.query.audit.AuditReport.TamperingKind;
import org.ordinateurssolidaires.query.audit.AuditReport.Violation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's replay: reads the event table directly — not the read models, which could be wrong themselves —
 * in global order, in one read-only snapshot, and checks every device against the erasure rules and every stored
 * event against the history chain. Plain JDBC and the published event classes only, so that the same check runs
 * from the query side's API, from the command line with read-only credentials, and from the tests.
 */
final class HistoryAudit {

    /** Somebody's earlier copy of a link, to check against the store as it is now. */
    record PublishedLink(long globalIndex, String link) {
    }

    private static final int FETCH = 2_000;
    private static final String DEVICE_EVENTS = DeviceEvent.class.getPackageName() + ".";

    private final ErasurePolicy policy;
    private final ObjectMapper json = EventSerialization.objectMapper();
    private final Map<String, Class<?>> types = new HashMap<>();
    private final Clock clock;

    HistoryAudit(ErasurePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Runs on {@code connection} in a read-only snapshot; the connection is left as it was found but for that. */
    AuditReport run(Connection connection, PublishedLink published) throws SQLException {
        Instant started = clock.instant();
        boolean autoCommit = connection.getAutoCommit();
        connection.setReadOnly(true);
        connection.setAutoCommit(false); // PostgreSQL streams rows only inside a transaction
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for both tables
        try {
            Replay replay = new Replay(published);
            ChainHead head = hasChain(connection) ? head(connection) : null;
            try (PreparedStatement events = connection.prepareStatement("select " + StoredEvent.COLUMNS
                    + " from domainEventEntry order by globalIndex");
                 PreparedStatement links = head == null ? null : connection.prepareStatement(
                         "select global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,"
                                 + " link from history_chain_link order by global_index")) {
                events.setFetchSize(FETCH);
                if (links != null) {
                    links.setFetchSize(FETCH);
                }
                try (ResultSet eventRows = events.executeQuery();
                     ResultSet linkRows = links == null ? null : links.executeQuery()) {
                    replay.merge(eventRows, linkRows, head);
                }
            }
            return new AuditReport(started, clock.millis() - started.toEpochMilli(), replay.eventsChecked,
                    replay.devices.size(), head, replay.notYetLinked, replay.publishedCheck(), replay.tampering,
                    replay.violations, policy.asWritten());
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean hasChain(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "history_chain_head", null)) {
            return tables.next();
        }
    }

    private static ChainHead head(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select global_index, link, events from history_chain_head where id = 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? new ChainHead(row.getLong(1), row.getString(2), row.getLong(3)) : null;
        }
    }

    /** A link as the chain recorded it. */
    private record RecordedLink(long globalIndex, String eventIdentifier, String aggregateIdentifier,
                                long sequenceNumber, String payloadType, byte[] link) {

        static RecordedLink read(ResultSet row) throws SQLException {
            return new RecordedLink(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                    row.getString(5), HistoryChain.bytes(row.getString(6)));
        }
    }

    /** One pass over the store and the chain, side by side in global order. */
    private final class Replay {

        private final HistoryChain chain = new HistoryChain();
        private final PublishedLink published;
        private final Map<String, DeviceErasureHistory> devices = new HashMap<>();
        private final List<Violation> violations = new ArrayList<>();
        private final List<Tampering> tampering = new ArrayList<>();
        /** The chain recomputed from the store alone. */
        private byte[] recomputed = HistoryChain.GENESIS;
        /** The recorded link before the current event, to check each event on its own. */
        private byte[] recordedBefore = HistoryChain.GENESIS;
        private long eventsChecked;
        private long notYetLinked;
        private PublishedLinkCheck publishedCheck;

        Replay(PublishedLink published) {
            this.published = published;
        }

        void merge(ResultSet eventRows, ResultSet linkRows, ChainHead head) throws SQLException {
            StoredEvent event = eventRows.next() ? StoredEvent.read(eventRows) : null;
            RecordedLink link = next(linkRows);
            while (event != null || link != null) {
                if (link == null || (event != null && event.globalIndex() < link.globalIndex())) {
                    if (head != null && event.globalIndex() <= head.globalIndex()) {
                        tampering.add(new Tampering(TamperingKind.EVENT_UNLINKED, event.globalIndex(),
                                event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                                event.payloadType()));
                    } else {
                        notYetLinked++;
                    }
                    check(event, chain.link(recomputed, event));
                    event = eventRows.next() ? StoredEvent.read(eventRows) : null;
                } else if (event == null || link.globalIndex() < event.globalIndex()) {
                    tampering.add(new Tampering(TamperingKind.EVENT_MISSING, link.globalIndex(),
                            link.eventIdentifier(), link.aggregateIdentifier(), link.sequenceNumber(),
                            link.payloadType()));
                    recordedBefore = link.link();
                    link = next(linkRows);
                } else {
                    byte[] fromStore = chain.link(recomputed, event);
                    byte[] onItsOwn = Arrays.equals(recomputed, recordedBefore) ? fromStore
                            : chain.link(recordedBefore, event);
                    if (!Arrays.equals(onItsOwn, link.link())) {
                        tampering.add(new Tampering(TamperingKind.LINK_MISMATCH, link.globalIndex(),
                                link.eventIdentifier(), link.aggregateIdentifier(), link.sequenceNumber(),
                                link.payloadType()));
                    }
                    recordedBefore = link.link();
                    check(event, fromStore);
                    event = eventRows.next() ? StoredEvent.read(eventRows) : null;
                    link = next(linkRows);
                }
            }
        }

        private RecordedLink next(ResultSet linkRows) throws SQLException {
            return linkRows != null && linkRows.next() ? RecordedLink.read(linkRows) : null;
        }

        /** The event's rules, and the chain from the store moved on by it. */
        private void check(StoredEvent event, byte[] link) {
            recomputed = link;
            eventsChecked++;
            if (published != null && published.globalIndex() == event.globalIndex()) {
                String hex = HistoryChain.hex(link);
                publishedCheck = new PublishedLinkCheck(published.globalIndex(), published.link(), hex,
                        hex.equalsIgnoreCase(published.link()));
            }
            if (!event.payloadType().startsWith(DEVICE_EVENTS)) {
                return;
            }
            Object payload;
            try {
                payload = json.readValue(event.payload(), type(event.payloadType()));
            } catch (IOException | ClassNotFoundException | RuntimeException unreadable) {
                tampering.add(new Tampering(TamperingKind.EVENT_UNREADABLE, event.globalIndex(),
                        event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                        event.payloadType()));
                return;
            }
            DeviceErasureHistory device = devices.computeIfAbsent(event.aggregateIdentifier(),
                    id -> new DeviceErasureHistory(policy));
            device.apply(payload, (rule, detail) -> violations.add(new Violation(
                    event.aggregateIdentifier(), device.assetTag(), rule, event.globalIndex(),
                    event.eventIdentifier(), payload.getClass().getSimpleName(), detail)));
        }

        private Class<?> type(String name) throws ClassNotFoundException {
            Class<?> type = types.get(name);
            if (type == null) {
                type = Class.forName(name);
                types.put(name, type);
            }
            return type;
        }

        PublishedLinkCheck publishedCheck() {
            if (published != null && publishedCheck == null) {
                return new PublishedLinkCheck(published.globalIndex(), published.link(), null, false);
            }
            return publishedCheck;
        }
    }
}
