package org.ordinateurssolidaires.query.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ordinateurssolidaires.query.audit.SideBySide.Step;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reading thread's side of the audit: what it hands on when the rows run out, when reading them fails, and when
 * the audit ends before them. The merge of the two tables is tried on real stores by the audit's integration tests.
 */
@Timeout(20)
class SideBySideTest {

    @Test
    void handsOnEveryEventInOrderThenNoMore() throws SQLException {
        try (SideBySide rows = new SideBySide(events(2_500, null), null, null)) {
            List<Long> read = new ArrayList<>();
            for (List<Step> batch = rows.next(); !batch.isEmpty(); batch = rows.next()) {
                batch.forEach(step -> read.add(step.event().globalIndex()));
            }

            assertThat(read).hasSize(2_500).isSorted().startsWith(1L).endsWith(2_500L);
            assertThat(rows.linksRead().upToHead()).isZero();
        }
    }

    @Test
    void aFailureToReadReachesTheAuditAfterTheBatchesReadBeforeIt() throws SQLException {
        SQLException lost = new SQLTransientConnectionException("connection lost");
        try (SideBySide rows = new SideBySide(events(1_500, lost), null, null)) {
            assertThat(rows.next()).hasSize(1_000);
            assertThatThrownBy(rows::next).isSameAs(lost);
        }
    }

    @Test
    void anAuditThatEndsFirstStopsTheReading() throws Exception {
        SideBySide rows = new SideBySide(events(Long.MAX_VALUE, null), null, null);
        assertThat(rows.next()).hasSize(1_000);

        rows.close(); // with the queue full, the reading thread waits to hand on more

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("history-audit-rows"));
    }

    /** {@code count} rows of the event table, then {@code failure} if any. */
    private static ResultSet events(long count, SQLException failure) {
        AtomicLong row = new AtomicLong();
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[]{ResultSet.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "next" -> {
                        if (row.get() == count && failure != null) {
                            throw failure;
                        }
                        yield row.get() < count && row.incrementAndGet() > 0;
                    }
                    case "getLong" -> row.get();
                    case "getString" -> "column " + arguments[0];
                    case "getBytes" -> new byte[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
