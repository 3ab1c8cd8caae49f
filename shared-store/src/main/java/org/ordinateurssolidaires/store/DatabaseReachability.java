package org.ordinateurssolidaires.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database answers, as both apps' health says it (contributor {@code database}). Checked every second
 * on a thread of its own, so that a health request is answered at once: during an outage each check waits for the
 * pool's connection timeout, which Spring Boot's own database check spent on the request's thread (it is turned
 * off in both apps). The answer is the last check's, at most a second and a connection timeout old.
 */
public final class DatabaseReachability implements HealthIndicator, SmartLifecycle {

    private static final int VALIDATION_SECONDS = 1;

    private record Verdict(boolean reachable, Instant checkedAt, String problem) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private ScheduledExecutorService checks;
    private volatile Verdict verdict;

    DatabaseReachability(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.verdict = new Verdict(false, clock.instant(), "not checked yet");
    }

    /** Whether the last check reached the database. */
    public boolean reachable() {
        return verdict.reachable();
    }

    @Override
    public Health health() {
        Verdict last = verdict;
        Health.Builder health = last.reachable() ? Health.up() : Health.down().withDetail("problem", last.problem());
        return health.withDetail("checkedAt", last.checkedAt().toString()).build();
    }

    void check() {
        try (Connection connection = dataSource.getConnection()) {
            verdict = connection.isValid(VALIDATION_SECONDS) ? new Verdict(true, clock.instant(), null)
                    : new Verdict(false, clock.instant(), "the database did not answer within "
                    + VALIDATION_SECONDS + " s");
        } catch (SQLException | RuntimeException unreachable) {
            verdict = new Verdict(false, clock.instant(), unreachable.getMessage());
        }
    }

    @Override
    public void start() {
        check(); // a first answer before the app takes requests
        checks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "database-reachability");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        checks.shutdownNow();
        checks = null;
    }

    @Override
    public boolean isRunning() {
        return checks != null;
    }
}
