package org.ordinateurssolidaires.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command side killed with {@code kill -9} three times while eight clients receive devices, each reception with
 * its own {@code Idempotency-Key}, each life of the app acknowledging a hundred or more before it is killed: every
 * reception it acknowledged is stored, and each one left without an answer, sent again with its key once the app is
 * back, is stored once (docs/reliability.md).
 */
class CommandSideKilledUnderLoadIT {

    private static final int CLIENTS = 8;
    private static final int CRASHES = 3;
    private static final int ACKNOWLEDGED_PER_LIFE = 100;
    private static final Pattern TAG = Pattern.compile("OS-KILL-\\d+");

    private static String database;
    private static volatile RunningApp commandSide;
    private static String donor;

    @BeforeAll
    static void start() throws Exception {
        database = PostgresTestDatabase.emptyDatabase("ordinateurs_command_side_killed_it");
        commandSide = started("commandSide");
        donor = Donors.withAgreement(commandSide, "Mairie de Poitiers");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        RunningApp.closeAll(commandSide);
    }

    @Test
    void everyAcknowledgedReceptionSurvivesTheCrashesAndARetryRecordsNothingTwice() throws Exception {
        Map<String, UUID> sent = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger answeredOtherwise = new AtomicInteger();
        AtomicInteger numbers = new AtomicInteger();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (loading.get()) {
                    String tag = "OS-KILL-" + numbers.incrementAndGet();
                    UUID key = UUID.randomUUID();
                    sent.put(tag, key);
                    receive(tag, key, acknowledged, answeredOtherwise);
                }
                return null;
            });
        }
        for (int crash = 0; crash < CRASHES; crash++) {
            awaitAcknowledgedUnderLoad(acknowledged);
            commandSide.kill();
            commandSide = started("commandSide" + (crash + 2)); // each life keeps its own log
        }
        awaitAcknowledgedUnderLoad(acknowledged);
        loading.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        Set<String> unanswered = new HashSet<>(sent.keySet());
        unanswered.removeAll(acknowledged);
        for (String tag : unanswered) {
            assertThat(commandSide.send("/api/devices", Receptions.laptop(donor, tag), sent.get(tag)))
                    .as("%s sent again", tag).isEqualTo(201);
        }
        Map<String, Integer> stored = storedReceptions();
        System.out.printf("%d receptions sent by %d clients across %d crashes: %d acknowledged, %d answered"
                        + " otherwise, %d without an answer, sent again%n", sent.size(), CLIENTS, CRASHES,
                acknowledged.size(), answeredOtherwise.get(), unanswered.size() - answeredOtherwise.get());
        assertThat(acknowledged).as("receptions acknowledged under load").isNotEmpty();
        assertThat(stored.keySet()).as("every reception sent, acknowledged or sent again, is stored")
                                   .isEqualTo(sent.keySet());
        assertThat(stored).as("each stored once").allSatisfy((tag, times) -> assertThat(times).as(tag).isOne());
    }

    /** Each life of the app takes its share of the load before it is killed (or, the last, before the load ends). */
    private static void awaitAcknowledgedUnderLoad(Set<String> acknowledged) {
        int before = acknowledged.size();
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= before + ACKNOWLEDGED_PER_LIFE);
    }

    private static void receive(String tag, UUID key, Set<String> acknowledged, AtomicInteger answeredOtherwise)
            throws InterruptedException {
        try {
            int status = commandSide.send("/api/devices", Receptions.laptop(donor, tag), key);
            if (status == 201) {
                acknowledged.add(tag);
            } else {
                answeredOtherwise.incrementAndGet(); // a 503 while the database connection broke: sent again later
            }
        } catch (IOException connectionLost) {
            Thread.sleep(100); // the app is down or restarting: this one is sent again once it is back
        }
    }


    /** How many times each asset tag was received, read from the store's events. */
    private static Map<String, Integer> storedReceptions() throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection store = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             Statement query = store.createStatement();
             ResultSet rows = query.executeQuery("select convert_from(payload, 'UTF8') from domainEventEntry"
                     + " where payloadType like '%.DeviceReceived'")) {
            while (rows.next()) {
                Matcher tag = TAG.matcher(rows.getString(1));
                if (tag.find()) {
                    stored.merge(tag.group(), 1, Integer::sum);
                }
            }
        }
        return stored;
    }

    private static RunningApp started(String life) throws IOException, InterruptedException {
        RunningApp app = RunningApp.onPostgres(life, database);
        app.awaitHealthy(Duration.ofSeconds(120));
        return app;
    }
}
