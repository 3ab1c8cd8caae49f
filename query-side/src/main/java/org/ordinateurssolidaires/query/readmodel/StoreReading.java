package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ordinateurssolidaires.query.config.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

/**
 * A rebuild's reading of the events stored up to a position: in the store's order, or those of one type of
 * aggregate, aggregate by aggregate, each aggregate's in sequence. One statement read through a cursor, rows in
 * binary, read and decoded ahead on a thread and a connection of their own while the events read before are applied.
 * Axon's event store read the store a hundred events per query, as text, for every processor (docs/benchmarks.md);
 * sorted by aggregate, the read is a fifth slower than in order and still ten times what a rebuild applies.
 * <p>
 * Positions at or below that position with no event yet may be events still being appended: they are the gaps of the
 * tokens the reading hands out, as Axon's own tokens would keep them, and an event appended there meanwhile is left
 * to the read model's processor, which reads it once it has the token. (An aggregate's next event is appended only
 * once its previous one is stored, so nothing later of that aggregate is at or below the position.)
 */
final class StoreReading implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreReading.class);
    /** As far behind its position as Axon's tokens keep gaps (its event store's default {@code maxGapOffset}). */
    private static final int GAPS_WITHIN = 10_000;
    private static final int FETCH = 2_000;
    /** None left: the reading has ended. */
    private static final Events END = new Events(0, List.of(), null);

    /** Read and decoded, waiting to be applied: one group, beside the one applied and the one being read. */
    private final BlockingQueue<Events> ahead = new ArrayBlockingQueue<>(1);
    private final Thread reading;
    private final boolean byAggregate;
    private volatile GapAwareTrackingToken reached;
    private volatile long total;
    private volatile RuntimeException failed;

    private StoreReading(String name, DataSource store, String aggregateType, long upTo, int group,
                         Predicate<EventMessage<?>> wanted, Serializer serializer, EventUpcaster upcasters) {
        byAggregate = aggregateType != null;
        reading = new Thread(() -> read(store, aggregateType, upTo, group, wanted, serializer, upcasters), name);
        reading.setDaemon(true);
        reading.start();
    }

    /**
     * Starts reading the events of aggregates of {@code aggregateType}, on a thread named {@code name}, in groups of
     * whole aggregates of at least {@code group} stored events (unless fewer are left), and hands on those
     * {@code wanted}, decoded.
     */
    static StoreReading byAggregate(String name, DataSource store, String aggregateType, long upTo, int group,
                                    Predicate<EventMessage<?>> wanted, Serializer serializer,
                                    EventUpcaster upcasters) {
        return new StoreReading(name, store, aggregateType, upTo, group, wanted, serializer, upcasters);
    }

    /**
     * Starts reading every event in the store's order, on a thread named {@code name}, {@code group} stored events at
     * a time (the events an upcaster makes of one stay together), and hands on those {@code wanted}, decoded.
     */
    static StoreReading inOrder(String name, DataSource store, long upTo, int group, Predicate<EventMessage<?>> wanted,
                                Serializer serializer, EventUpcaster upcasters) {
        return new StoreReading(name, store, null, upTo, group, wanted, serializer, upcasters);
    }

    private void read(DataSource store, String aggregateType, long upTo, int group, Predicate<EventMessage<?>> wanted,
                      Serializer serializer, EventUpcaster upcasters) {
        try (Connection connection = store.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false); // PostgreSQL sends rows as they are asked for only inside a transaction
            try (Cursor cursor = new Cursor(connection, aggregateType, upTo, wanted, serializer, upcasters)) {
                reached = cursor.reached;
                total = cursor.total;
                Events next;
                do {
                    next = cursor.next(group);
                    ahead.put(next.stored() == 0 ? END : next);
                } while (next.stored() > 0);
            } finally {
                connection.rollback();
            }
        } catch (SQLException | RuntimeException failure) {
            failed = failure instanceof RuntimeException unexpected ? unexpected
                    : new IllegalStateException("the store could not be read", failure);
            ahead.clear(); // nothing after a failure is applied
            ahead.offer(END);
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        }
    }

    /** Where a read model stands once it has applied them all: known once the first events are read. */
    GapAwareTrackingToken reached() {
        return reached;
    }

    /**
     * How many stored events there are to read, whatever the upcasters make of them: known as {@link #reached}. Counted
     * by aggregate only: a pass in the store's order shows its position, and counting would read the whole event
     * table once more before its first event.
     */
    long total() {
        if (!byAggregate) {
            throw new IllegalStateException("a reading in the store's order is not counted");
        }
        return total;
    }

    /**
     * The next events wanted, as Axon hands them to a processor (upcast, then decoded), whole aggregates when read by
     * aggregate: none, and none stored, once everything has been read.
     *
     * @throws IllegalStateException the reading failed (any exception it met is passed on as it is)
     */
    Events next() throws InterruptedException {
        Events next = ahead.take();
        if (next == END) {
            ahead.offer(END); // for any later call
            if (failed != null) {
                throw failed;
            }
        }
        return next;
    }

    /**
     * Its payload decoded on the reading's thread, once, rather than by whichever read model first asks: the reading
     * goes on while they apply. Its metadata is left to whoever asks (no read model does): decoded, each event's made
     * a map of its own, kept in the heap with the chunk. One that cannot be decoded is left for the read models to
     * meet, as their processors would.
     */
    private static TrackedEventMessage<?> decoded(TrackedEventMessage<?> event) {
        try {
            event.getPayload();
        } catch (RuntimeException undecodable) {
            log.debug("Event {} left undecoded", event.getIdentifier(), undecodable);
        }
        return event;
    }

    /** Stops the reading, if it has not ended. */
    @Override
    public void close() throws InterruptedException {
        reading.interrupt();
        reading.join();
    }

    /**
     * @param stored  how many stored events they are read from, wanted or not
     * @param reached where a read model stands once it has applied them and those before: null when read by
     *                aggregate, whose position is {@link #reached()} only once all are applied
     */
    record Events(int stored, List<TrackedEventMessage<?>> events, GapAwareTrackingToken reached) {
    }

    /** The statement, on a connection in a transaction. */
    private static final class Cursor implements AutoCloseable {

        /** The aggregates' type, or null: every event, in order. */
        private final String aggregateType;
        private final Predicate<EventMessage<?>> wanted;
        private final Serializer serializer;
        private final EventUpcaster upcasters;
        private final GapAwareTrackingToken reached;
        private final long total;
        private final PreparedStatement statement;
        private final ResultSet rows;
        /** The next row, read ahead: null at the end. */
        private StoredEvent ahead;

        Cursor(Connection connection, String aggregateType, long upTo, Predicate<EventMessage<?>> wanted,
               Serializer serializer, EventUpcaster upcasters) throws SQLException {
            this.aggregateType = aggregateType;
            this.wanted = wanted;
            this.serializer = serializer;
            this.upcasters = upcasters;
            this.reached = GapAwareTrackingToken.newInstance(upTo, gapsUpTo(connection, upTo));
            this.total = aggregateType == null ? 0 : count(connection, aggregateType, upTo);
            this.statement = connection.prepareStatement("select " + StoredEvent.COLUMNS + " from domainEventEntry"
                    + (aggregateType == null ? " where globalIndex <= ? order by globalIndex"
                    : " where globalIndex <= ? and type = ? order by aggregateIdentifier, sequenceNumber"));
            try {
                statement.setFetchSize(FETCH);
                StoredEvent.inBinary(statement);
                statement.setLong(1, upTo);
                if (aggregateType != null) {
                    statement.setString(2, aggregateType);
                }
                this.rows = statement.executeQuery();
                this.ahead = next();
            } catch (SQLException | RuntimeException failure) {
                statement.close();
                throw failure;
            }
        }

        /** At least {@code atLeast} stored events unless fewer are left, whole aggregates when read by aggregate. */
        Events next(int atLeast) throws SQLException {
            List<StoredEvent> stored = new ArrayList<>();
            while (ahead != null && (stored.size() < atLeast || aggregateType != null
                    && ahead.aggregateIdentifier().equals(stored.get(stored.size() - 1).aggregateIdentifier()))) {
                stored.add(ahead);
                ahead = next();
            }
            List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(stored.stream()
                    .map(event -> new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(event.globalIndex(),
                            Collections.emptySet()), event.asEventData())), serializer, upcasters)
                    .filter(wanted).<TrackedEventMessage<?>>map(StoreReading::decoded).toList();
            return new Events(stored.size(), events, aggregateType != null ? null : reachedAfter(stored));
        }

        /** Past the last of them, the positions below it with no event its gaps; past the position, once all read. */
        private GapAwareTrackingToken reachedAfter(List<StoredEvent> stored) {
            if (ahead == null || stored.isEmpty()) {
                return reached;
            }
            long last = stored.get(stored.size() - 1).globalIndex();
            return GapAwareTrackingToken.newInstance(last, reached.getGaps().headSet(last));
        }

        /** The next row not in a gap: one appended there since the gaps were read is the processor's to apply. */
        private StoredEvent next() throws SQLException {
            while (rows.next()) {
                StoredEvent event = StoredEvent.read(rows);
                if (!reached.getGaps().contains(event.globalIndex())) {
                    return event;
                }
            }
            return null;
        }

        private static Set<Long> gapsUpTo(Connection connection, long upTo) throws SQLException {
            long from = Math.max(0, upTo - GAPS_WITHIN);
            Set<Long> stored = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "select globalIndex from domainEventEntry where globalIndex > ? and globalIndex <= ?")) {
                query.setLong(1, from);
                query.setLong(2, upTo);
                try (ResultSet positions = query.executeQuery()) {
                    while (positions.next()) {
                        stored.add(positions.getLong(1));
                    }
                }
            }
            Set<Long> gaps = new TreeSet<>();
            for (long position = from + 1; position <= upTo; position++) {
                if (!stored.contains(position)) {
                    gaps.add(position);
                }
            }
            return gaps;
        }

        private static long count(Connection connection, String aggregateType, long upTo) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("select count(*) from domainEventEntry"
                    + " where globalIndex <= ? and type = ?")) {
                query.setLong(1, upTo);
                query.setString(2, aggregateType);
                try (ResultSet counted = query.executeQuery()) {
                    counted.next();
                    return counted.getLong(1);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            try (statement) {
                rows.close();
            }
        }
    }
}
