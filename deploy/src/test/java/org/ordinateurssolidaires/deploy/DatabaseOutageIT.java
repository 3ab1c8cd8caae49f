package org.ordinateurssolidaires.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.awaitility.core.ConditionTimeoutException;
import org.ordinateurssolidaires.testing.CuttableLink;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL out of reach under both apps, as while it restarts or the network fails (a link the test cuts): each
 * request meanwhile is answered 503 with Retry-After within a few seconds, not after the pool's wait; health answers
 * at once and says DOWN within seconds, while the processes stay alive; once the link is back, both apps recover without a restart, and a
 * reception refused during the outage, sent again with its key, is stored once (docs/reliability.md).
 */
class DatabaseOutageIT {

    /**
     * Far from the 30 s the pool used to wait: it now waits 2 s for a connection (application-postgres.yml). Each
     * answer's time is printed for docs/reliability.md.
     */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    /** Health is answered from the last background check of the database, not by waiting for one. */
    private static final Duration HEALTH_AT_ONCE = Duration.ofMillis(500);

    private static CuttableLink link;
    private static RunningApp commandSide;
    private static RunningApp querySide;
    private static String donor;

    @BeforeAll
    static void startBothAppsThroughALink() throws Exception {
        String database = PostgresTestDatabase.emptyDatabase("ordinateurs_database_outage_it");
        link = CuttableLink.toDatabase(database);
        String throughTheLink = link.through(database);
        commandSide = RunningApp.onPostgres("commandSide", throughTheLink);
        commandSide.awaitHealthy(Duration.ofSeconds(120));
        querySide = RunningApp.onPostgresAs("querySide", throughTheLink, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD, "--ordinateurs.web.command-side-url=http://127.0.0.1:" + commandSide.port());
        querySide.awaitHealthy(Duration.ofSeconds(120));
        donor = Donors.withAgreement(commandSide, "Mairie de Poitiers");
    }

    @AfterAll
    static void stop() throws Exception {
        RunningApp.closeAll(querySide, commandSide);
        link.close();
    }

    @Test
    void duringAnOutageEachRequestIsToldToComeBackAndBothAppsRecoverWithoutARestart() throws Exception {
        assertThat(commandSide.send("/api/devices", Receptions.laptop(donor, "OS-OUT-1"), UUID.randomUUID()))
                .isEqualTo(201);

        link.cut();
        long cut = System.nanoTime();
        UUID key = UUID.randomUUID();
        for (RunningApp app : List.of(commandSide, querySide)) {
            // asked as a monitoring probe asks, without credentials (which could not be checked meanwhile); each
            // answer comes at once, the database being checked in the background, and says DOWN soon after the cut
            HttpResponse<String> health = await().atMost(PROMPTLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> atOnce(app.anonymous()), answer -> answer.statusCode() == 503);
            System.out.printf("during the outage: %s health DOWN %d ms after the cut%n", app,
                    Duration.ofNanos(System.nanoTime() - cut).toMillis());
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
            assertThat(app.anonymous().exchange("GET", "/actuator/health/liveness", null, null).statusCode())
                    .as("%s alive: no reason to restart it", app).isEqualTo(200);
        }
        HttpResponse<String> reception = timed(() -> commandSide.exchange("POST", "/api/devices",
                Receptions.laptop(donor, "OS-OUT-2"), key));
        HttpResponse<String> read = timed(() -> querySide.exchange("GET", "/api/devices?q=OS-OUT-1", null, null));
        for (HttpResponse<String> refused : List.of(reception, read)) {
            assertThat(refused.statusCode()).as(refused.uri().getPath()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).as(refused.uri().getPath()).isPresent();
        }

        link.restore();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(commandSide.send("/api/devices", Receptions.laptop(donor, "OS-OUT-2"), key)).isEqualTo(201));
        assertThat(commandSide.send("/api/devices", Receptions.laptop(donor, "OS-OUT-2"), key)).as("sent a third time")
                                                                                                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                querySide.get("/api/devices").get("totalDevices").asInt()).isEqualTo(2));
        // a read model whose batch failed meanwhile retries it after a pause, then reports UP again
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            HttpResponse<String> health = querySide.anonymous().exchange("GET", "/actuator/health", null, null);
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        });
    }

    /**
     * The link cut as a query side just started on new read models is building them in one pass: their processors,
     * stopped for the pass, could not be started again either, and stayed stopped once the link was back (a CI run's
     * failure of the test above, whose cut came within that second). Skipped if the cut misses the pass.
     */
    @Test
    void readModelsWhosePassTheOutageCutAreTakenUpAgainOnceTheLinkIsBack() throws Exception {
        String database = PostgresTestDatabase.emptyDatabase("ordinateurs_database_outage_pass_it");
        RunningApp itsCommandSide = RunningApp.onPostgres("commandSide2", database); // makes the store
        try (CuttableLink passLink = CuttableLink.toDatabase(database)) {
            itsCommandSide.awaitHealthy(Duration.ofSeconds(120));
            RunningApp newQuerySide = RunningApp.onPostgresAs("querySide2", passLink.through(database),
                    PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD,
                    "--ordinateurs.web.command-side-url=http://127.0.0.1:" + itsCommandSide.port());
            try {
                // its processors stopped for the pass (NewReadModels), which then reads the store
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
                       .until(() -> newQuerySide.logged("Stopping PooledStreamingEventProcessor"));
                passLink.cut();
                assumeTrue(waitFor(() -> newQuerySide.logged("could not be started again")),
                        "the cut came after the pass");

                passLink.restore();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    HttpResponse<String> health = newQuerySide.anonymous()
                                                              .exchange("GET", "/actuator/health", null, null);
                    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                });
            } finally {
                RunningApp.closeAll(newQuerySide);
            }
        } finally {
            RunningApp.closeAll(itsCommandSide);
        }
    }

    private static boolean waitFor(Callable<Boolean> condition) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(condition);
            return true;
        } catch (ConditionTimeoutException notSeen) {
            return false;
        }
    }

    /** Health, which must answer at once: a probe waiting for it would take the process for hung. */
    private static HttpResponse<String> atOnce(RunningApp app) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> health = app.exchange("GET", "/actuator/health", null, null);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).as("%s health answered", app)
                                                              .isLessThan(HEALTH_AT_ONCE);
        return health;
    }

    /** The answer, which must come within {@link #PROMPTLY}: a request left waiting is no answer to a person. */
    private static HttpResponse<String> timed(Request request) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> answer = request.send();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        System.out.printf("during the outage: %s %s answered %d in %d ms%n", answer.request().method(),
                answer.uri().getPath(), answer.statusCode(), took.toMillis());
        assertThat(took).as("answered %s", answer.uri().getPath()).isLessThan(PROMPTLY);
        return answer;
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

}
