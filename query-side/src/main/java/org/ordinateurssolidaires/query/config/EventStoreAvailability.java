package org.ordinateurssolidaires.query.config;

import org.ordinateurssolidaires.store.DatabaseReachability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * The event store belongs to the command side, which creates it on its first start. When both apps are pointed
 * at a new database at the same time, the query side waits here for the table to appear before its processors
 * start (they would otherwise give up after a few seconds and stop the app). Afterwards it tells readiness whether
 * the store can still be read (health contributor {@code eventStore}), and the read models' check whether to try
 * the database at all: while it is out of reach each try waits for the pool's connection timeout. So the store is
 * checked every second in the background, after the database itself ({@link DatabaseReachability}), and the
 * health answers from the last check at once.
 */
@Component("eventStore")
public class EventStoreAvailability implements BesideAxonsProcessors, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(EventStoreAvailability.class);

    private final JdbcTemplate jdbc;
    private final DatabaseReachability database;
    private final Duration patience;
    private volatile boolean running;
    /** Whether the store could be read at the last check, made in the background: health never waits for it. */
    private volatile boolean readable;

    EventStoreAvailability(JdbcTemplate jdbc, DatabaseReachability database,
                           @Value("${ordinateurs.event-store.wait:5m}") Duration patience) {
        this.jdbc = jdbc;
        this.database = database;
        this.patience = patience;
    }

    @Override
    public void start() {
        Instant deadline = Instant.now().plus(patience);
        boolean told = false;
        while (!eventStoreExists()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no event store after " + patience
                        + ": start the command side on the same database first");
            }
            if (!told) {
                log.info("Waiting for the command side to create the event store (up to {})", patience);
                told = true;
            }
            pause();
        }
        running = true;
        readable = true;
    }

    private boolean eventStoreExists() {
        try {
            jdbc.queryForList("select globalIndex from domainEventEntry where globalIndex < 0");
            return true;
        } catch (DataAccessException notThereYet) {
            return false;
        }
    }

    @Override
    public Health health() {
        return readable() ? Health.up().build()
                : Health.down().withDetail("domainEventEntry", "cannot be read").build();
    }

    /** Whether the event store could be read at the last check, a second ago at most (or a connection timeout). */
    public boolean readable() {
        return readable;
    }

    @Scheduled(fixedDelay = 1_000)
    void check() {
        readable = running && database.reachable() && eventStoreExists();
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the event store", interrupted);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
