package org.ordinateurssolidaires.query.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.ordinateurssolidaires.query.config.StoredEvent;

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
 * The events of one type of aggregate stored up to a position, aggregate by aggregate, each aggregate's in sequence:
 * one sorted statement read through a cursor, a fifth slower than the store's read in order and still ten times
 * what a rebuild applies (docs/benchmarks.md, "Reading the store device by device"). Read and decoded ahead, on a
 * thread and a connection of their own, while the aggregates read before are applied.
 * <p>
 * Positions at or below that position with no event yet may be events still being appended: they are the gaps of the
 * token {@link #reached} ends on, as Axon's own token would keep them, and an event appended there meanwhile is left
 * to the read model's processor, which reads it once it has the token. (An aggregate's next event is appended only
 * once its previous one is stored, so nothing later of that aggregate is at or below the position.)
 */
final class EventsByAggregate implements AutoCloseable {

    /** As far behind its position as Axon's tokens keep gaps (its event store's default {@code maxGapOffset}). */
    private static final int GAPS_WITHIN = 10_000;
    private static final int FETCH = 2_000;
    /** None left: the reading has ended. */
    private static final Aggregates END = new Aggregates(0, List.of());

    /** Read and decoded, waiting to be applied: one group, beside the one applied and the one being read. */
    private final BlockingQueue<Aggregates> ahead = new ArrayBlockingQueue<>(1);
    private final Thread reading;
    private volatile GapAwareTrackingToken reached;
    private volatile long total;
    private volatile RuntimeException failed;

    private EventsByAggregate(String name, DataSource store, String aggregateType, long upTo, int group,
                              Predicate<EventMessage<?>> wanted, Serializer serializer, EventUpcaster upcasters) {
        reading = new Thread(() -> read(store, aggregateType, upTo, group, wanted, serializer, upcasters), name);
        reading.setDaemon(true);
        reading.start();
    }

    /**
     * Starts reading the events, on a thread named {@code name}, in groups of whole aggregates of at least
     * {@code group} stored events (unless fewer are left), and hands on those {@code wanted}, decoded.
     */
    static EventsByAggregate readAhead(String name, DataSource store, String aggregateType, long upTo, int group,
                                       Predicate<EventMessage<?>> wanted, Serializer serializer,
                                       EventUpcaster upcasters) {
        return new EventsByAggregate(name, store, aggregateType, upTo, group, wanted, serializer, upcasters);
    }

    private void read(DataSource store, String aggregateType, long upTo, int group, Predicate<EventMessage<?>> wanted,
                      Serializer serializer, EventUpcaster upcasters) {
        try (Connection connection = store.getConnection()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false); // PostgreSQL sends rows as they are asked for only inside a transaction
            try (Cursor cursor = new Cursor(connection, aggregateType, upTo, wanted, serializer, upcasters)) {
                reached = cursor.reached;
                total = cursor.total;
                Aggregates next;
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

    /** Where a read model stands once it has applied them all: known once the first aggregates are read. */
    GapAwareTrackingToken reached() {
        return reached;
    }

    /** How many stored events there are to read, whatever the upcasters make of them: known as {@link #reached}. */
    long total() {
        return total;
    }

    /**
     * The next aggregates' events wanted, whole, as Axon hands them to a processor (upcast, then decoded), each
     * aggregate's in sequence: none, and none stored, once every aggregate has been read.
     *
     * @throws IllegalStateException the reading failed (any exception it met is passed on as it is)
     */
    Aggregates next() throws InterruptedException {
        Aggregates next = ahead.take();
        if (next == END) {
            ahead.offer(END); // for any later call
            if (failed != null) {
                throw failed;
            }
        }
        return next;
    }

    /** Stops the reading, if it has not ended. */
    @Override
    public void close() throws InterruptedException {
        reading.interrupt();
        reading.join();
    }

    /** @param stored how many stored events they are read from, wanted or not */
    record Aggregates(int stored, List<TrackedEventMessage<?>> events) {
    }

    /** The sorted statement, on a connection in a transaction. */
    private static final class Cursor implements AutoCloseable {

        private final Predicate<EventMessage<?>> wanted;
        private final Serializer serializer;
        private final EventUpcaster upcasters;
        private final GapAwareTrackingToken reached;
        private final long total;
        private final PreparedStatement statement;
        private final ResultSet rows;
        /** The first event of the aggregate after those handed out, read ahead: null at the end. */
        private StoredEvent ahead;

        Cursor(Connection connection, String aggregateType, long upTo, Predicate<EventMessage<?>> wanted,
               Serializer serializer, EventUpcaster upcasters) throws SQLException {
            this.wanted = wanted;
            this.serializer = serializer;
            this.upcasters = upcasters;
            this.reached = GapAwareTrackingToken.newInstance(upTo, gapsUpTo(connection, upTo));
            this.total = count(connection, aggregateType, upTo);
            this.statement = connection.prepareStatement("select " + StoredEvent.COLUMNS + " from domainEventEntry"
                    + " where type = ? and globalIndex <= ? order by aggregateIdentifier, sequenceNumber");
            try {
                statement.setFetchSize(FETCH);
                StoredEvent.inBinary(statement);
                statement.setString(1, aggregateType);
                statement.setLong(2, upTo);
                this.rows = statement.executeQuery();
                this.ahead = next();
            } catch (SQLException | RuntimeException failure) {
                statement.close();
                throw failure;
            }
        }

        /** Whole aggregates, at least {@code atLeast} stored events unless fewer are left. */
        Aggregates next(int atLeast) throws SQLException {
            List<StoredEvent> stored = new ArrayList<>();
            while (ahead != null && (stored.size() < atLeast
                    || ahead.aggregateIdentifier().equals(stored.get(stored.size() - 1).aggregateIdentifier()))) {
                stored.add(ahead);
                ahead = next();
            }
            List<TrackedEventMessage<?>> events = EventUtils.upcastAndDeserializeTrackedEvents(stored.stream()
                    .map(event -> new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(event.globalIndex(),
                            Collections.emptySet()), event.asEventData())), serializer, upcasters)
                    .filter(wanted).<TrackedEventMessage<?>>map(OnePassRebuild::decoded).toList();
            return new Aggregates(stored.size(), events);
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
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*) from domainEventEntry where type = ? and globalIndex <= ?")) {
                query.setString(1, aggregateType);
                query.setLong(2, upTo);
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
