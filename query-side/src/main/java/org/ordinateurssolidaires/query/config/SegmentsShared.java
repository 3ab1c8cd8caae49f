package org.ordinateurssolidaires.query.config;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Shares each read model's segments evenly among the query-side processes alive on the database. A pooled streaming
 * processor claims every segment it finds free, so the first process to start would hold them all and the others
 * stand by; told how many it may hold (its share, rounded up), it releases the rest, and a process that starts
 * later claims them. Each process says it is alive every two seconds ({@code query_side_instance}); one that has
 * not for ten seconds is no longer counted, so the others' shares grow and they take its segments over once its
 * claims lapse. Processes in one JVM (the tests' Spring contexts) count once.
 */
@Component
public class SegmentsShared implements MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(SegmentsShared.class);
    private static final Duration ALIVE_WITHIN = Duration.ofSeconds(10);
    /** The JVM's name, Axon's default owner of this process's claims. */
    private static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile int processesAlive = 1;
    private volatile Map<String, Integer> segments = Map.of();

    SegmentsShared(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** The segments of {@code processor} this process may hold; all of them while their number is not known. */
    @Override
    public int getMaxSegments(String processor) {
        Integer count = segments.get(processor);
        return count == null ? Short.MAX_VALUE : (count + processesAlive - 1) / processesAlive;
    }

    @Scheduled(fixedDelay = 2_000)
    void sayAlive() {
        try {
            Timestamp now = Timestamp.from(clock.instant());
            if (jdbc.update("update query_side_instance set seen_at = ? where owner = ?", now, OWNER) == 0) {
                jdbc.update("insert into query_side_instance (owner, seen_at) values (?, ?)", OWNER, now);
            }
            processesAlive = Math.max(1, jdbc.queryForObject("select count(*) from query_side_instance"
                    + " where seen_at > ?", Integer.class, Timestamp.from(clock.instant().minus(ALIVE_WITHIN))));
            Map<String, Integer> counted = new HashMap<>();
            jdbc.query("select processorName, count(*) from tokenEntry group by processorName",
                    (RowCallbackHandler) row -> counted.put(row.getString(1), row.getInt(2)));
            segments = counted;
        } catch (DataAccessException unreachable) {
            log.debug("Could not say this query side is alive; the shares stay as they were", unreachable);
        }
    }

    /** Gone at once rather than in ten seconds, when stopped on purpose. */
    @PreDestroy
    void leave() {
        try {
            jdbc.update("delete from query_side_instance where owner = ?", OWNER);
        } catch (DataAccessException unreachable) {
            log.debug("Could not say this query side left", unreachable);
        }
    }
}
