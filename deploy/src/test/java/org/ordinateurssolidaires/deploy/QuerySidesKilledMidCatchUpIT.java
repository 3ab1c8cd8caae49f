package org.ordinateurssolidaires.deploy;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.deploy.ReadModels.Token;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-side processes on one store, catching up with it and sharing its segments: the one holding more is
 * killed with {@code kill -9} in the middle of it, the other takes its segments over once their claims lapse, and the killed one
 * is started again while the other catches up. The read models then equal, table by table and row by row, what a
 * single process rebuilds from nothing: no event was applied twice or skipped where a segment changed hands.
 */
class QuerySidesKilledMidCatchUpIT {

    private static final int LIVES = 1_500;

    @Test
    void readModelsEqualASingleProcessRebuildAfterOneOfTwoIsKilledMidCatchUp() throws Exception {
        String database = PostgresTestDatabase.emptyDatabase("ordinateurs_query_sides_killed_it");
        try (RunningApp commandSide = RunningApp.onPostgres("commandSide", database)) {
            commandSide.awaitHealthy(Duration.ofSeconds(120)); // the event store's tables, and nothing in them
        }
        long events = GeneratedLives.write(database, LIVES);
        long last = ReadModels.number(database, "select max(globalIndex) from domainEventEntry");

        RunningApp first = processorsAlone("querySide", database);
        RunningApp second = processorsAlone("querySide2", database);
        List<String> afterTheKill;
        try {
            RunningApp one = first;
            RunningApp other = second;
            List<Token> midway = await("both query sides holding segments, the read models partly built")
                    .atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions() // the token table is there once a query side has migrated its tables
                    .until(() -> ReadModels.tokens(database), tokens -> midCatchUp(tokens, last)
                            && holds(one, tokens) && holds(other, tokens));
            Map<String, Long> held = midway.stream().filter(token -> token.owner() != null)
                                           .collect(Collectors.groupingBy(Token::owner, Collectors.counting()));
            boolean firstHoldsMore = held.getOrDefault(owner(first, midway), 0L)
                    >= held.getOrDefault(owner(second, midway), 0L);
            RunningApp killed = firstHoldsMore ? first : second;
            killed.kill();
            long killedAt = System.nanoTime();
            System.out.printf("%d events; segments held when %s was killed: %s; lowest position %d%n", events,
                    killed, held, midway.stream().mapToLong(Token::position).min().orElse(-1));
            assertThat(held.get(owner(killed, midway))).as("segments taken from the killed process").isPositive();

            RunningApp survivor = firstHoldsMore ? second : first;
            await("the surviving process holds every segment").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> ReadModels.tokens(database), tokens -> tokens.stream().allMatch(
                            token -> token.owner() != null && token.owner().startsWith(survivor.pid() + "@")));
            System.out.printf("every segment taken over by %s %.1f s after the kill%n", survivor,
                    (System.nanoTime() - killedAt) / 1e9);
            RunningApp restarted = processorsAlone(firstHoldsMore ? "querySide" : "querySide2", database);
            if (firstHoldsMore) {
                first = restarted;
            } else {
                second = restarted;
            }
            ReadModels.awaitCaughtUp(database, Duration.ofSeconds(240));
            restarted.awaitHealthy(Duration.ofSeconds(120));
            afterTheKill = ReadModels.readModels(database);
        } finally {
            RunningApp.closeAll(second, first);
        }

        ReadModels.prepareRebuild(database);
        try (RunningApp alone = RunningApp.onPostgres("querySide3", database)) {
            alone.awaitHealthy(Duration.ofSeconds(120));
            ReadModels.awaitCaughtUp(database, Duration.ofSeconds(240));
        }
        List<String> rebuilt = ReadModels.readModels(database);
        assertThat(rebuilt.stream().filter(row -> row.startsWith("inventory_device|")))
                .as("every generated device in the rebuilt inventory").hasSize(LIVES);
        assertThat(afterTheKill).as("read models after the kill, against a single process's rebuild")
                                .isEqualTo(rebuilt);
    }

    /**
     * A query side whose new read models are built by their processors, sharing the segments with the other: the
     * first to start would otherwise build them all in one pass, holding every segment (the reference rebuild below
     * does).
     */
    private static RunningApp processorsAlone(String name, String database) throws IOException {
        return RunningApp.onPostgresAs(name, database, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD,
                "--ordinateurs.read-models.new-in-one-pass=false");
    }

    /** Every read model's processor has begun, and at least one has not reached the last event. */
    private static boolean midCatchUp(List<Token> tokens, long last) {
        return tokens.stream().map(Token::group).distinct().count() == ReadModels.READ_MODEL_TABLES.size()
                && tokens.stream().anyMatch(token -> token.owner() != null && token.position() > 0)
                && tokens.stream().anyMatch(token -> token.position() < last);
    }

    private static boolean holds(RunningApp app, List<Token> tokens) {
        return tokens.stream().anyMatch(token -> token.owner() != null && token.owner().startsWith(app.pid() + "@"));
    }

    /** The owner name Axon gave the process's claims, if it holds any. */
    private static String owner(RunningApp app, List<Token> tokens) {
        return tokens.stream().map(Token::owner).filter(owner -> owner != null && owner.startsWith(app.pid() + "@"))
                     .findFirst().orElse("none held by " + app);
    }
}
