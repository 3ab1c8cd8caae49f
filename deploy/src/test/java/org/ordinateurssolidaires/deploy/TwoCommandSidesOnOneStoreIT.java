package org.ordinateurssolidaires.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.testing.RunningApp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

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
    private static final int DEVICES_IN_CONFLICT = 4;
    private static final int CONFLICTING_REQUESTS = 192;

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

            List<StoredEvent> history = history(device);
            List<Long> sequence = history.stream().map(StoredEvent::sequence).toList();
            List<String> stored = history.stream().filter(event -> event.type().equals("DeviceDetailsCorrected"))
                                         .map(event -> event.payload()
                                                            .replaceAll(".*\"reason\":\"(correction \\d+)\".*", "$1"))
                                         .toList();
            assertThat(sequence).as("sequence numbers unbroken")
                                .isEqualTo(IntStream.range(0, sequence.size()).mapToObj(Long::valueOf).toList());
            assertThat(stored).as("every acknowledged correction stored once, and nothing else")
                              .containsExactlyInAnyOrderElementsOf(acknowledged);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * 32 clients at once on the same 4 devices, through both processes, sending what only one of them may do: destroy
     * a device's one medium (once), send the device to a recycler (refused until its medium is destroyed, and so is
     * every step after it), among corrections (allowed at any stage). Each answer is 204, stored once, or 409, stored
     * not at all; each device ends with at most one destruction, at most one recycling after it and only corrections
     * after that, its sequence numbers unbroken.
     */
    @Test
    void thirtyTwoClientsInConflictOnTheSameDevices() throws Exception {
        String donor = Donors.withAgreement(first, "Ville de Poitiers");
        List<String> devices = new ArrayList<>();
        Map<String, String> media = new HashMap<>();
        for (int i = 0; i < DEVICES_IN_CONFLICT; i++) {
            JsonNode received = first.post("/api/devices", Receptions.laptop(donor, "OS-2026-43" + i));
            devices.add(received.get("deviceId").asText());
            media.put(received.get("deviceId").asText(), received.at("/storageMedia/0/mediumId").asText());
        }
        List<String> kinds = List.of("StorageMediumDestroyed", "DeviceRecycled", "DeviceDetailsCorrected");
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < CONFLICTING_REQUESTS; i++) {
                int number = i;
                RunningApp through = i % 2 == 0 ? first : second;
                String device = devices.get(i % DEVICES_IN_CONFLICT);
                String kind = kinds.get(i / DEVICES_IN_CONFLICT % kinds.size());
                Callable<Integer> request = switch (kind) {
                    case "StorageMediumDestroyed" -> () -> through.send("/api/devices/" + device + "/media/"
                            + media.get(device) + "/destruction", Map.of("method", "SHRED", "operator", "Sam",
                            "location", "Atelier", "destroyedAt", "2026-03-03T09:00:00Z"));
                    case "DeviceRecycled" -> () -> through.send("/api/devices/" + device + "/recycling", Map.of(
                            "recycler", "Envie 86", "certificateReference", "REC-1", "recycledAt",
                            "2026-03-04T09:00:00Z"));
                    // each states another model: one stating the model recorded corrects nothing, and is refused
                    default -> () -> through.send("/api/devices/" + device + "/corrections",
                            Map.of("model", "Latitude " + number, "reason", "conflict"));
                };
                answers.add(clients.submit(request));
            }
            Map<String, Map<String, Long>> recorded = new HashMap<>();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < CONFLICTING_REQUESTS; i++) {
                int status = answers.get(i).get();
                statuses.add(status);
                if (status == 204) {
                    recorded.computeIfAbsent(devices.get(i % DEVICES_IN_CONFLICT), device -> new HashMap<>())
                            .merge(kinds.get(i / DEVICES_IN_CONFLICT % kinds.size()), 1L, Long::sum);
                }
            }
            System.out.printf("%d conflicting requests from 32 clients on %d devices through two processes:"
                            + " %d recorded, %d refused 409%n", CONFLICTING_REQUESTS, DEVICES_IN_CONFLICT,
                    statuses.stream().filter(status -> status == 204).count(),
                    statuses.stream().filter(status -> status == 409).count());
            assertThat(Set.copyOf(statuses)).as("every answer is 204 or 409").isSubsetOf(204, 409);

            for (String device : devices) {
                List<StoredEvent> history = history(device);
                assertThat(history).extracting(StoredEvent::sequence).as("sequence numbers unbroken")
                                   .isEqualTo(LongStream.range(0, history.size()).boxed().toList());
                List<String> types = history.stream().map(StoredEvent::type).toList();
                assertThat(types.stream().skip(1).collect(Collectors.groupingBy(type -> type, Collectors.counting())))
                        .as("every acknowledged request stored once, and nothing else")
                        .isEqualTo(recorded.getOrDefault(device, Map.of()));
                assertThat(Collections.frequency(types, "StorageMediumDestroyed")).isLessThanOrEqualTo(1);
                if (types.contains("DeviceRecycled")) {
                    assertThat(types.subList(0, types.indexOf("DeviceRecycled"))).as("its medium destroyed before")
                                                                             .contains("StorageMediumDestroyed");
                    assertThat(types.subList(types.indexOf("DeviceRecycled") + 1, types.size()))
                            .as("after the recycling, corrections of its record only").containsOnly(
                                    "DeviceDetailsCorrected");
                }
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private record StoredEvent(long sequence, String type, String payload) {
    }

    /** A device's events as stored, in its sequence, each with its type's simple name. */
    private static List<StoredEvent> history(String device) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection store = DriverManager.getConnection(database, PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
             PreparedStatement query = store.prepareStatement("select sequenceNumber, payloadType,"
                     + " convert_from(payload, 'UTF8') from domainEventEntry where aggregateIdentifier = ?"
                     + " order by sequenceNumber")) {
            query.setString(1, device);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(rows.getLong(1),
                            rows.getString(2).substring(rows.getString(2).lastIndexOf('.') + 1), rows.getString(3)));
                }
            }
        }
        return events;
    }
}
