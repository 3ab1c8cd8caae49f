package org.ordinateurssolidaires.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side processes on one PostgreSQL store, as a scaled-out deployment runs them: corrections of one
 * device (a step always allowed) sent through both at once. Within a process Axon's lock serialises them; between
 * the two, the loser of each race on the event table's (aggregate, sequence) key is retried on the fresh state, or
 * refused 409 if it loses every retry. No answer is a 500, and every acknowledged correction is stored once, with
 * the device's sequence numbers unbroken.
 */
class TwoCommandSidesOnOneStoreIT {

    private static final int CORRECTIONS = 160;

    private static String database;
    private static RunningApp first;
    private static RunningApp second;

    @BeforeAll
    static void startTwoCommandSides() throws Exception {
        database = PostgresTestDatabase.emptyDatabase("ordinateurs_two_command_sides_it");
        first = RunningApp.onPostgres("commandSide", database);
        first.awaitHealthy(Duration.ofSeconds(120)); // the first migrates the store; the second finds it ready
        second = RunningApp.onPostgres("commandSide2", database);
        second.awaitHealthy(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        RunningApp.closeAll(second, first);
    }

    @Test
    void correctionsOfOneDeviceThroughBothProcessesAreStoredOnceEachOrRefused() throws Exception {
        String donor = Donors.withAgreement(first, "Mairie de Poitiers");
        String device = first.post("/api/devices", Receptions.laptop(donor, "OS-2026-4242")).get("deviceId").asText();

        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CORRECTIONS; i++) {
                RunningApp through = i % 2 == 0 ? first : second;
                String reason = "correction " + i;
                Callable<Integer> correction = () -> through.send("/api/devices/" + device + "/corrections",
                        Map.of("model", "Latitude " + reason, "reason", reason));
                answers.add(clients.submit(correction));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            // the figures docs/reliability.md keeps
            System.out.printf("%d corrections of one device through two processes: %d recorded, %d refused 409%n",
                    CORRECTIONS, statuses.stream().filter(status -> status == 204).count(),
                    statuses.stream().filter(status -> status == 409).count());
            assertThat(Set.copyOf(statuses)).as("every answer is 204 or 409").isSubsetOf(204, 409);
            List<String> acknowledged = IntStream.range(0, CORRECTIONS).filter(i -> statuses.get(i) == 204)
                                                 .mapToObj(i -> "correction " + i).toList();
            assertThat(IntStream.range(0, CORRECTIONS).filter(i -> statuses.get(i) == 204).map(i -> i % 2).distinct())
                    .as("corrections recorded through each process").containsExactlyInAnyOrder(0, 1);

            List<String> stored = new ArrayList<>();
            List<Long> sequence = new ArrayList<>();
            try (Connection store = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                    PostgresTestDatabase.PASSWORD);
                 PreparedStatement events = store.prepareStatement("select sequenceNumber, payloadType,"
                         + " convert_from(payload, 'UTF8') from domainEventEntry where aggregateIdentifier = ?"
                         + " order by sequenceNumber")) {
                events.setString(1, device);
                ResultSet rows = events.executeQuery();
                while (rows.next()) {
                    sequence.add(rows.getLong(1));
                    if (rows.getString(2).endsWith(".DeviceDetailsCorrected")) {
                        stored.add(rows.getString(3).replaceAll(".*\"reason\":\"(correction \\d+)\".*", "$1"));
                    }
                }
            }
            assertThat(sequence).as("sequence numbers unbroken")
                                .isEqualTo(IntStream.range(0, sequence.size()).mapToObj(Long::valueOf).toList());
            assertThat(stored).as("every acknowledged correction stored once, and nothing else")
                              .containsExactlyInAnyOrderElementsOf(acknowledged);
        } finally {
            clients.shutdownNow();
        }
    }
}
