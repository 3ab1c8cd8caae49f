package org.ordinateurssolidaires.query.audit;

import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ordinateurssolidaires.events.device.DeviceEvent;
import org.ordinateurssolidaires.events.device.ErasurePolicy;
import org.ordinateurssolidaires.events.serialization.StoredEventReader;
import org.ordinateurssolidaires.query.audit.AuditReport.PublishedLinkCheck;
import org.ordinateurssolidaires.query.audit.AuditReport.Tampering;
import org.ordinateurssolidaires.query.audit.AuditReport.TamperingKind;
import org.ordinateurssolidaires.query.audit.AuditReport.Violation;
import org.ordinateurssolidaires.query.audit.SideBySide.LinksRead;
import org.ordinateurssolidaires.query.audit.SideBySide.RecordedLink;
import org.ordinateurssolidaires.query.audit.SideBySide.Step;
import org.ordinateurssolidaires.query.config.StoredEvent;

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
 * event against the history chain. Plain JDBC, the published event classes and their upcasters only, so that the
 * same check runs from the query side's API, from the command line with read-only credentials, and from the tests.
 * The chain is computed over the bytes as stored; the rules are checked on the events as the apps read them.
 */
final class HistoryAudit {

    /** Somebody's earlier copy of a link, to check against the store as it is now. */
    record PublishedLink(long globalIndex, String link) {
    }

    private static final int FETCH = 2_000;
    private static final String DEVICE_EVENTS = DeviceEvent.class.getPackageName() + ".";

    private final ErasurePolicy policy;
    private final StoredEventReader reader;
    private final Clock clock;

    HistoryAudit(ErasurePolicy policy, EventUpcaster upcasters, Clock clock) {
        this.policy = policy;
        this.reader = new StoredEventReader(upcasters);
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
            boolean chained = hasChain(connection);
            ChainHead head = chained ? head(connection) : null; // read first: the links are taken up to it
            try (PreparedStatement events = connection.prepareStatement("select " + StoredEvent.COLUMNS
                    + " from domainEventEntry order by globalIndex");
                 PreparedStatement links = chained ? connection.prepareStatement(
                         "select global_index, event_identifier, aggregate_identifier, sequence_number, payload_type,"
                                 + " link from history_chain_link order by global_index") : null) {
                events.setFetchSize(FETCH);
                StoredEvent.inBinary(events);
                if (links != null) {
                    links.setFetchSize(FETCH);
                }
                try (ResultSet eventRows = events.executeQuery();
                     ResultSet linkRows = links == null ? null : links.executeQuery();
                     SideBySide rows = new SideBySide(eventRows, linkRows, head)) {
                    replay.check(rows, head);
                }
            }
            replay.checkHead(chained, head);
            return new AuditReport(started, clock.millis() - started.toEpochMilli(), replay.eventsChecked,
                    replay.devices.size(), head, replay.notYetLinked, replay.publishedCheck(), replay.tampering,
                    replay.violations, policy.asWritten());
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Whether an event is stored at {@code globalIndex}: a published link names one. */
    static boolean eventAt(Connection connection, long globalIndex) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select count(*) from domainEventEntry where globalIndex = ?")) {
            query.setLong(1, globalIndex);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getLong(1) == 1;
            }
        }
    }

    private static boolean hasChain(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "history_chain_head", null)) {
            return tables.next();
        }
    }

    private static ChainHead head(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(ChainHead.QUERY);
             ResultSet row = query.executeQuery()) {
            return row.next() ? ChainHead.read(row) : null;
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
        /** The link the event before should have had, when the recorded one is not to be trusted. */
        private byte[] expectedBefore = HistoryChain.GENESIS;
        private long eventsChecked;
        private long notYetLinked;
        private LinksRead linksRead;
        private PublishedLinkCheck publishedCheck;

        Replay(PublishedLink published) {
            this.published = published;
        }

        void check(SideBySide rows, ChainHead head) throws SQLException {
            for (List<Step> batch = rows.next(); !batch.isEmpty(); batch = rows.next()) {
                for (Step step : batch) {
                    if (step.link() == null) {
                        unlinked(step.event(), head);
                    } else if (step.event() == null) {
                        missing(step.link());
                    } else {
                        linked(step.event(), step.link());
                    }
                }
            }
            linksRead = rows.linksRead();
        }

        /**
         * A link whose event is gone. The chain's view moves on past it, so that the events after it are judged on
         * their own.
         */
        private void missing(RecordedLink link) {
            tampering.add(new Tampering(TamperingKind.EVENT_MISSING, link.globalIndex(), link.eventIdentifier(),
                    link.aggregateIdentifier(), link.sequenceNumber(), link.payloadType()));
            recordedBefore = link.link();
            expectedBefore = link.link();
        }

        /**
         * An event the chain did not link: after the head it is merely recent; before it, it came in behind the
         * chain's back (or its link was removed). Either way the chain's own view moves on past it, so that the
         * events after it are judged on their own.
         */
        private void unlinked(StoredEvent event, ChainHead head) {
            if (head != null && event.globalIndex() <= head.globalIndex()) {
                tampering.add(new Tampering(TamperingKind.EVENT_UNLINKED, event.globalIndex(),
                        event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                        event.payloadType()));
            } else {
                notYetLinked++;
            }
            expectedBefore = chain.link(expectedBefore, event);
            check(event, chain.link(recomputed, event));
        }

        /**
         * Each event is checked on its own: its link recomputed from the link recorded before it must be the one
         * recorded for it — or, when the link before was itself altered or removed, the one the event before should
         * have had. One alteration is then named once, not at every later event.
         */
        private void linked(StoredEvent event, RecordedLink link) {
            byte[] fromStore = chain.link(recomputed, event);
            byte[] viaRecorded = Arrays.equals(recomputed, recordedBefore) ? fromStore
                    : chain.link(recordedBefore, event);
            boolean matches = Arrays.equals(viaRecorded, link.link());
            if (!matches && !Arrays.equals(expectedBefore, recordedBefore)) {
                matches = Arrays.equals(chain.link(expectedBefore, event), link.link());
            }
            if (!matches) {
                tampering.add(new Tampering(TamperingKind.LINK_MISMATCH, link.globalIndex(),
                        link.eventIdentifier(), link.aggregateIdentifier(), link.sequenceNumber(),
                        link.payloadType()));
            }
            recordedBefore = link.link();
            expectedBefore = matches ? link.link() : viaRecorded;
            check(event, fromStore);
        }

        /** The head must agree with the links it closes: their number, the last one, nothing after it. */
        void checkHead(boolean chained, ChainHead head) {
            if (!chained) {
                tampering.add(new Tampering(TamperingKind.CHAIN_MISSING, 0, null, null, 0, null));
                return;
            }
            boolean agrees = head != null && linksRead.upToHead() == head.events() && linksRead.beyondHead() == 0
                    && (head.globalIndex() == 0 ? linksRead.upToHead() == 0 : linksRead.atHead() != null
                    && HistoryChain.hex(linksRead.atHead()).equalsIgnoreCase(head.link().strip()));
            if (!agrees) {
                tampering.add(new Tampering(TamperingKind.HEAD_MISMATCH, head == null ? 0 : head.globalIndex(),
                        null, null, 0, null));
            }
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
            try {
                for (Object payload : reader.read(event.asEventData(), type -> type.startsWith(DEVICE_EVENTS))) {
                    DeviceErasureHistory device = devices.computeIfAbsent(event.aggregateIdentifier(),
                            id -> new DeviceErasureHistory(policy));
                    device.apply(payload, (rule, detail) -> violations.add(new Violation(
                            event.aggregateIdentifier(), device.assetTag(), rule, event.globalIndex(),
                            event.eventIdentifier(), payload.getClass().getSimpleName(), detail)));
                }
            } catch (RuntimeException unreadable) {
                // a payload that parses but lacks what every such event has is as unreadable as broken JSON
                tampering.add(new Tampering(TamperingKind.EVENT_UNREADABLE, event.globalIndex(),
                        event.eventIdentifier(), event.aggregateIdentifier(), event.sequenceNumber(),
                        event.payloadType()));
            }
        }

        PublishedLinkCheck publishedCheck() {
            if (published != null && publishedCheck == null) {
                return new PublishedLinkCheck(published.globalIndex(), published.link(), null, false);
            }
            return publishedCheck;
        }
    }
}
