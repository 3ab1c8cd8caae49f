package org.ordinateurssolidaires.query.audit;

import org.ordinateurssolidaires.query.config.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history chain's own processor: links each newly stored event to the chain, in global order, shortly after
 * it is stored. A hole in the global index (a transaction still in flight, or one rolled back) is passed only once
 * it has been seen open for {@code gap-settle}, by the recorders' clock: command transactions are bounded far below
 * that on PostgreSQL, so nothing commits into it any more and the order of the chain is the store's. An event that
 * commits into a passed hole all the same is reported by the audit ({@code EVENT_UNLINKED}).
 * <p>
 * When the chain reaches a hole it has to wait for, every hole ahead of it (up to {@value #LOOK_AHEAD} positions)
 * is noted with the moment it was first seen ({@code history_chain_hole}): they settle together, and a restart does
 * not start their wait again. Several query-side instances take turns: the head row is locked while a batch is
 * linked.
 */
@Component
class HistoryChainRecorder {

    private static final Logger log = LoggerFactory.getLogger(HistoryChainRecorder.class);
    private static final int BATCH = 1_000;
    private static final int LOOK_AHEAD = 100_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration gapSettle;
    private final Clock clock;

    /** The positions missing between two stored events, both ends included. */
    private record Hole(long firstMissing, long lastMissing, Instant seenAt) {

        boolean covers(long first, long last) {
            return firstMissing <= first && last <= lastMissing;
        }
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
            List<Hole> holes = jdbc.query("select first_missing, last_missing, seen_at from history_chain_hole",
                    (row, n) -> new Hole(row.getLong(1), row.getLong(2), row.getTimestamp(3).toInstant()));
            HistoryChain chain = new HistoryChain();
            byte[] previous = HistoryChain.bytes(head.link());
            long position = head.globalIndex();
            List<Object[]> links = new ArrayList<>();
            for (StoredEvent event : stored) {
                if (event.globalIndex() != position + 1 && !settled(holes, position + 1, event.globalIndex() - 1)) {
                    noteHolesAhead(holes, position);
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
                jdbc.update("delete from history_chain_hole where last_missing < ?", position);
                log.debug("Linked {} events to the history chain, head at {}", links.size(), position);
            }
            return links.size();
        });
        return linked == null ? 0 : linked;
    }

    /**
     * Whether the positions {@code first} to {@code last} have been missing long enough. A hole only ever shrinks
     * (an event committed late fills part of it), so the part still open is covered by the hole first seen.
     */
    private boolean settled(List<Hole> holes, long first, long last) {
        Instant now = clock.instant();
        return holes.stream().anyMatch(hole -> hole.covers(first, last) && !hole.seenAt().plus(gapSettle).isAfter(now));
    }

    /** Notes, as seen now, every hole ahead of {@code head} that no recorder has noted yet. */
    private void noteHolesAhead(List<Hole> known, long head) {
        Timestamp now = Timestamp.from(clock.instant());
        // the head's own position counts as stored: the first event of all, or the head's event, may be missing
        List<Object[]> unseen = jdbc.query("select globalIndex + 1, next - 1 from (select globalIndex,"
                                + " lead(globalIndex) over (order by globalIndex) as next from (select cast(? as bigint)"
                                + " as globalIndex union all select globalIndex from domainEventEntry"
                                + " where globalIndex > ? and globalIndex <= ?) stored) ahead where next > globalIndex + 1",
                        (row, n) -> new Object[]{row.getLong(1), row.getLong(2), now}, head, head, head + LOOK_AHEAD)
                                    .stream()
                                    .filter(hole -> known.stream().noneMatch(
                                            seen -> seen.covers((Long) hole[0], (Long) hole[1])))
                                    .toList();
        jdbc.batchUpdate("insert into history_chain_hole (first_missing, last_missing, seen_at) values (?, ?, ?)",
                unseen);
    }
}
