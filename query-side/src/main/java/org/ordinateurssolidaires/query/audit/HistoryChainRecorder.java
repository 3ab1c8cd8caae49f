package org.ordinateurssolidaires.query.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history chain's own processor: links each newly stored event to the chain, in global order, shortly after
 * it is stored. A hole in the global index (a transaction still in flight, or one rolled back) is passed only once
 * this recorder has seen it open for {@code gap-settle}, by its own clock: command transactions are bounded far
 * below that on PostgreSQL, so nothing commits into it any more and the order of the chain is the store's. An event
 * that commits into a passed hole all the same is reported by the audit ({@code EVENT_UNLINKED}). Several
 * query-side instances take turns: the head row is locked while a batch is linked.
 */
@Component
class HistoryChainRecorder {

    private static final Logger log = LoggerFactory.getLogger(HistoryChainRecorder.class);
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration gapSettle;
    private final Clock clock;
    /** The hole after the head this recorder is waiting on, and since when; null when there is none. */
    private OpenHole hole;

    private record OpenHole(long after, Instant seenAt) {
    }

    @Autowired
    HistoryChainRecorder(JdbcTemplate jdbc, TransactionTemplate transaction,
                         @Value("${ordinateurs.history-chain.gap-settle:60s}") Duration gapSettle) {
        this(jdbc, transaction, gapSettle, Clock.systemUTC());
    }

    HistoryChainRecorder(JdbcTemplate jdbc, TransactionTemplate transaction, Duration gapSettle, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.gapSettle = gapSettle;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ordinateurs.history-chain.interval:1s}")
    void linkNewEvents() {
        int linked;
        do {
            linked = linkBatch();
        } while (linked == BATCH);
    }

    /** Links up to one batch of events after the head; answers how many. */
    int linkBatch() {
        Integer linked = transaction.execute(status -> {
            ChainHead head = jdbc.queryForObject(ChainHead.QUERY + " for update", (row, n) -> ChainHead.read(row));
            List<StoredEvent> stored = jdbc.query("select " + StoredEvent.COLUMNS
                            + " from domainEventEntry where globalIndex > ? order by globalIndex limit " + BATCH,
                    (row, n) -> StoredEvent.read(row), head.globalIndex());
            HistoryChain chain = new HistoryChain();
            byte[] previous = HistoryChain.bytes(head.link());
            long position = head.globalIndex();
            List<Object[]> links = new ArrayList<>();
            for (StoredEvent event : stored) {
                if (event.globalIndex() != position + 1 && !settled(position)) {
                    break; // a transaction may still commit into the hole before this event
                }
                previous = chain.link(previous, event);
                position = event.globalIndex();
                links.add(new Object[]{position, event.eventIdentifier(), event.aggregateIdentifier(),
                        event.sequenceNumber(), event.payloadType(), HistoryChain.hex(previous)});
            }
            if (!links.isEmpty()) {
                jdbc.batchUpdate("insert into history_chain_link (global_index, event_identifier, aggregate_identifier,"
                        + " sequence_number, payload_type, link) values (?, ?, ?, ?, ?, ?)", links);
                jdbc.update("update history_chain_head set global_index = ?, link = ?, events = ? where id = 1",
                        position, HistoryChain.hex(previous), head.events() + links.size());
                log.debug("Linked {} events to the history chain, head at {}", links.size(), position);
            }
            return links.size();
        });
        return linked == null ? 0 : linked;
    }

    /** Whether the hole after {@code position} has been open long enough, as this recorder has watched it. */
    private synchronized boolean settled(long position) {
        Instant now = clock.instant();
        if (hole == null || hole.after() != position) {
            hole = new OpenHole(position, now);
        }
        return !hole.seenAt().plus(gapSettle).isAfter(now);
    }
}
