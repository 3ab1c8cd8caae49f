package org.ordinateurssolidaires.command.device;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many more commands on one device at once than the pool has connections: they queue on the device's lock, and a
 * queued command holds no connection, so none waits out the pool's timeout and is answered 503. The pool is made
 * small here (3 connections, 250 ms) to show on any machine what 16 clients per process did to the pool of 10 on a
 * busy one (TwoCommandSidesOnOneStoreIT).
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=3",
        "spring.datasource.hikari.connection-timeout=250"})
class CommandsQueuedOnOneDeviceIT extends CommandSideIntegrationTest {

    private static final int COMMANDS = 24;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void commandsQueuedOnOneDeviceAreAllRecordedWhateverThePoolsSize() throws Exception {
        String donor = StaffRequests.donorWithAgreement(http);
        String device = StaffRequests.readyLaptop(http, donor);
        long eventsBefore = eventsOf(device);

        ExecutorService clients = Executors.newFixedThreadPool(COMMANDS);
        try {
            List<Callable<ResponseEntity<JsonNode>>> corrections = IntStream.range(0, COMMANDS)
                    .<Callable<ResponseEntity<JsonNode>>>mapToObj(i -> () -> http.postForEntity("/api/devices/"
                            + device + "/corrections", new HttpEntity<>(Map.of("conditionNotes", "dent " + i,
                            "reason", "seen again"), StaffRequests.headers()), JsonNode.class))
                    .toList();

            List<Future<ResponseEntity<JsonNode>>> answers = clients.invokeAll(corrections);

            assertThat(answers).extracting(answer -> answer.get().getStatusCode())
                               .containsOnly(HttpStatus.NO_CONTENT);
            assertThat(eventsOf(device)).isEqualTo(eventsBefore + COMMANDS);
        } finally {
            clients.shutdownNow();
        }
    }

    private long eventsOf(String device) {
        return jdbc.queryForObject("select count(*) from domainEventEntry where aggregateIdentifier = ?", Long.class,
                device);
    }
}
