package org.ordinateurssolidaires.query.audit;

import org.ordinateurssolidaires.query.config.StoredEvent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The event table and the chain's links, read side by side in global order on a thread of their own, so that
 * PostgreSQL and its driver bring the next rows while the audit checks the last ones: one thread doing both in turn
 * left each waiting on the other (docs/benchmarks.md, "Erasure audit"). The rows reach the audit in batches through
 * a short queue, which also bounds what is held in memory. The links after the chain's head (the recorder writes
 * them with the head, in one transaction) are counted for the head's check, and left aside.
 */
final class SideBySide implements AutoCloseable {

    /**
     * One step of the pass: an event and its link; an event the chain did not link ({@code link} null); or a link
     * whose event is gone ({@code event} null).
     */
    record Step(StoredEvent event, RecordedLink link) {
    }

    /** A link as the chain recorded it; a link that is not even hex matches nothing. */
    record RecordedLink(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                        String payloadType, byte[] link) {

        static RecordedLink read(ResultSet row) throws SQLException {
            byte[] link;
            try {
                link = HistoryChain.bytes(row.getString(6).strip());
            } catch (IllegalArgumentException | NullPointerException notALink) {
                link = new byte[0];
            }
            return new RecordedLink(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                    row.getString(5), link);
        }
    }

    /**
     * The links up to the head, the last of them (null when none is at the head's position), and those after it.
     */
    record LinksRead(long upToHead, byte[] atHead, long beyondHead) {
    }

    private static final int BATCH = 1_000;
    /** Put after the last batch, or after a failure. */
    private static final List<Step> END = List.of();
    /** How often the two threads look whether the other has stopped while they wait for it. */
    private static final long LOOK_MILLIS = 100;

    private final BlockingQueue<List<Step>> batches = new ArrayBlockingQueue<>(4);
    private final Thread reading;
    /**
     * Set when the audit ends before the rows do. The reading thread is told so by this flag, never interrupted: an
     * interrupt inside the driver can close an embedded database's file (H2).
     */
    private volatile boolean stopped;
    // written by the reading thread before it puts END, read by the audit after it takes END
    private Throwable failure;
    private long upToHead;
    private byte[] atHead;
    private long beyondHead;

    /** Starts reading; {@code linkRows} is null where the store has no chain. */
    SideBySide(ResultSet eventRows, ResultSet linkRows, ChainHead head) {
        reading = new Thread(() -> read(eventRows, linkRows, head), "history-audit-rows");
        reading.setDaemon(true);
        reading.start();
    }

    /**
     * The next steps in global order; none once every row is read (and then not to be asked again).
     *
     * @throws SQLException what reading the rows failed with, or the audit's thread interrupted
     */
    List<Step> next() throws SQLException {
        List<Step> batch;
        try {
            while ((batch = batches.poll(LOOK_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                if (!reading.isAlive() && batches.isEmpty()) {
                    throw new SQLException("the store's reading thread ended before the last row", failure);
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("the audit was interrupted while it read the store", interrupted);
        }
        if (batch == END && failure != null) {
            if (failure instanceof SQLException failed) {
                throw failed;
            } else if (failure instanceof RuntimeException failed) {
                throw failed;
            } else if (failure instanceof Error failed) {
                throw failed;
            }
            throw new SQLException("reading the store failed", failure);
        }
        return batch;
    }

    /** Once {@link #next()} gave no more steps. */
    LinksRead linksRead() {
        return new LinksRead(upToHead, atHead, beyondHead);
    }

    /**
     * Stops the reading, if the audit ends first, and waits for it (at most the rest of the batch it is reading): the
     * connection is then the caller's again.
     */
    @Override
    public void close() {
        stopped = true;
        boolean interrupted = false;
        while (reading.isAlive()) {
            try {
                reading.join();
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void read(ResultSet eventRows, ResultSet linkRows, ChainHead head) {
        try {
            List<Step> batch = new ArrayList<>(BATCH);
            StoredEvent event = nextEvent(eventRows);
            RecordedLink link = nextLink(linkRows, head);
            while (event != null || link != null) {
                if (link == null || (event != null && event.globalIndex() < link.globalIndex())) {
                    batch.add(new Step(event, null));
                    event = nextEvent(eventRows);
                } else if (event == null || link.globalIndex() < event.globalIndex()) {
                    batch.add(new Step(null, link));
                    link = nextLink(linkRows, head);
                } else {
                    batch.add(new Step(event, link));
                    event = nextEvent(eventRows);
                    link = nextLink(linkRows, head);
                }
                if (batch.size() == BATCH) {
                    if (!handOn(batch)) {
                        return;
                    }
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                handOn(batch);
            }
        } catch (Throwable failed) {
            failure = failed;
        } finally {
            handOn(END);
        }
    }

    /** Waits for room in the queue; false, without waiting on, once the audit has stopped. */
    private boolean handOn(List<Step> batch) {
        try {
            while (!stopped) {
                if (batches.offer(batch, LOOK_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt(); // nobody interrupts this thread: stop as if the audit had
        }
        return false;
    }

    private static StoredEvent nextEvent(ResultSet eventRows) throws SQLException {
        return eventRows.next() ? StoredEvent.read(eventRows) : null;
    }

    private RecordedLink nextLink(ResultSet linkRows, ChainHead head) throws SQLException {
        while (linkRows != null && linkRows.next()) {
            RecordedLink link = RecordedLink.read(linkRows);
            if (head != null && link.globalIndex() > head.globalIndex()) {
                beyondHead++;
                continue;
            }
            upToHead++;
            if (head != null && link.globalIndex() == head.globalIndex()) {
                atHead = link.link();
            }
            return link;
        }
        return null;
    }
}
