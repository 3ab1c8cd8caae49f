package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ordinateurssolidaires.query.audit.SideBySide.Step;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The reading thread's side of the audit: the two tables side by side, and what it hands on when the rows run out,
 * when reading them fails, and when the audit ends before them. The audit's integration tests try it on real stores.
 */
// a reading that never stops fails the test rather than hangs it
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SideBySideTest {

    @Test
    void handsOnEveryEventInOrderThenNoMore() throws SQLException {
        try (SideBySide rows = new SideBySide(rows(LongStream.rangeClosed(1, 2_500).iterator(), null), null, null)) {
            List<Long> read = new ArrayList<>();
            for (List<Step> batch = rows.next(); !batch.isEmpty(); batch = rows.next()) {
                batch.forEach(step -> read.add(step.event().globalIndex()));
            }

            assertThat(read).hasSize(2_500).isSorted().startsWith(1L).endsWith(2_500L);
            assertThat(rows.linksRead().upToHead()).isZero();
        }
    }

    @Test
    void pairsEachEventWithItsLinkAndCountsTheLinksUpToTheHead() throws SQLException {
        ResultSet events = rows(List.of(1L, 2L, 3L, 5L).iterator(), null);
        ResultSet links = rows(List.of(1L, 2L, 4L, 5L, 7L).iterator(), null);
        try (SideBySide rows = new SideBySide(events, links, new ChainHead(5, hex(5), 4))) {
            List<Step> steps = rows.next();

            assertThat(steps).extracting(step -> step.event() == null ? null : step.event().globalIndex(),
                            step -> step.link() == null ? null : step.link().globalIndex())
                    .containsExactly(tuple(1L, 1L), tuple(2L, 2L), tuple(3L, null), tuple(null, 4L), tuple(5L, 5L));
            assertThat(rows.next()).isEmpty();
            SideBySide.LinksRead read = rows.linksRead();
            assertThat(read.upToHead()).isEqualTo(4);
            assertThat(read.beyondHead()).isEqualTo(1); // the link at 7, written with a head not yet read
            assertThat(read.atHead()).isEqualTo(HistoryChain.bytes(hex(5)));
        }
    }

    @Test
    void aFailureToReadReachesTheAuditAfterTheBatchesReadBeforeIt() throws SQLException {
        SQLException lost = new SQLTransientConnectionException("connection lost");
        try (SideBySide rows = new SideBySide(rows(LongStream.rangeClosed(1, 1_500).iterator(), lost), null, null)) {
            assertThat(rows.next()).hasSize(1_000);
            assertThatThrownBy(rows::next).isSameAs(lost);
        }
    }

    @Test
    void anUncheckedFailureReachesTheAuditAsItIs() throws SQLException {
        IllegalStateException broken = new IllegalStateException("driver broken");
        try (SideBySide rows = new SideBySide(rows(LongStream.rangeClosed(1, 10).iterator(), broken), null, null)) {
            assertThatThrownBy(rows::next).isSameAs(broken);
        }
    }

    @Test
    void anAuditThatEndsFirstStopsTheReading() throws SQLException {
        AtomicLong asked = new AtomicLong();
        // a slow store (0.1 ms a row): when the audit stops, the reading is in the middle of a batch
        ResultSet endless = rows(LongStream.iterate(1, n -> n + 1).peek(n -> {
            asked.incrementAndGet();
            LockSupport.parkNanos(100_000);
        }).iterator(), null);
        SideBySide rows = new SideBySide(endless, null, null);
        assertThat(rows.next()).hasSize(1_000);

        rows.close(); // returns once the reading has stopped: the test's timeout fails it otherwise
        long askedAtClose = asked.get();

        // not a row more once close() returned: the connection is the audit's again
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(asked::get, n -> n == askedAtClose);
    }

    private static String hex(long globalIndex) {
        return "%064x".formatted(globalIndex);
    }

    /**
     * A table's rows as the audit reads them, each with its position in the store as every number and its position
     * in hex as the link; then {@code failure} if any.
     */
    private static ResultSet rows(Iterator<Long> positions, Throwable failure) {
        AtomicLong row = new AtomicLong();
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[]{ResultSet.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "next" -> {
                        if (positions.hasNext()) {
                            row.set(positions.next());
                            yield true;
                        }
                        if (failure != null) {
                            throw failure;
                        }
                        yield false;
                    }
                    case "getLong" -> row.get();
                    case "getString" -> (int) arguments[0] == 6 ? hex(row.get()) : "column " + arguments[0];
                    case "getBytes" -> new byte[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
