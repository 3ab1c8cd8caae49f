package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ordinateurssolidaires.command.StaffRequests;
import org.ordinateurssolidaires.command.web.DatabaseFaults.Point;
import org.ordinateurssolidaires.store.personaldata.KeyEncryptionKey;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every 2xx means stored: the database fails at each point of a command's way — the caller's account read to
 * sign in, the connection taken, the idempotency claim, the append, the commit — and the answer is then a 503
 * with Retry-After and nothing is stored;
 * the same request sent again once the database is back is recorded exactly once.
 */
@AutoConfigureTestRestTemplate
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@Import({DatabaseFailuresIT.Faults.class, TestAccounts.class})
class DatabaseFailuresIT {

    /** The tests' own key-encryption key, as an installation has one: the keys the tests store are wrapped by it. */
    private static final String KEY_ENCRYPTION_KEYSET = KeyEncryptionKey.newKeyset();

    private static final AtomicInteger TAGS = new AtomicInteger();
    private static String donor;

    @Autowired
    TestRestTemplate http;
    @Autowired
    DatabaseFaults faults;
    @Autowired
    JdbcTemplate jdbc;

    @TestConfiguration
    static class Faults {
        @Bean
        static DatabaseFaults databaseFaults() {
            return new DatabaseFaults();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresTestDatabase.emptyDatabase("ordinateurs_command_faults_it"));
        registry.add("spring.datasource.username", () -> PostgresTestDatabase.USER);
        registry.add("spring.datasource.password", () -> PostgresTestDatabase.PASSWORD);
        registry.add("ordinateurs.personal-data.household-index-secret", () -> "integration tests' own secret");
        registry.add("ordinateurs.admin-password", () -> "integration tests' admin password");
        registry.add("ordinateurs.personal-data.key-encryption-keyset", () -> KEY_ENCRYPTION_KEYSET);
        registry.add("ordinateurs.security.password-hash-strength", () -> 4);
    }

    @BeforeAll
    static void aDonorWithAnAgreement(@Autowired TestRestTemplate http) {
        donor = StaffRequests.donorWithAgreement(http);
    }

    @AfterEach
    void databaseBack() {
        faults.disarm();
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void aReceptionIsNeverAcknowledgedUnlessStored(Point point) {
        HttpHeaders headers = StaffRequests.headers();
        headers.set(CommandOrigin.COMMAND_ID_HEADER, UUID.randomUUID().toString());
        Map<String, Object> reception = reception();
        long eventsBefore = storedEvents();

        faults.arm(point);
        ResponseEntity<JsonNode> duringTheFault = http.postForEntity("/api/devices", new HttpEntity<>(reception, headers),
                JsonNode.class);

        assertThat(faults.fired()).as("the database failed at %s", point).isEqualTo(point);
        assertUnavailableAndNothingStored(duringTheFault, eventsBefore);
        assertThat(jdbc.queryForObject("select count(*) from processed_command where command_id = ?", Long.class,
                UUID.fromString(headers.getFirst(CommandOrigin.COMMAND_ID_HEADER)))).isZero();

        ResponseEntity<JsonNode> retried = http.postForEntity("/api/devices", new HttpEntity<>(reception, headers),
                JsonNode.class);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retried.getBody().get("deviceId").asString()).isNotBlank();
        assertThat(storedEvents()).isEqualTo(eventsBefore + 1);
    }

    /** Without an idempotency key there is no claim: the other points still hold, for a command that answers 204. */
    @ParameterizedTest
    @EnumSource(value = Point.class, names = {"ACCOUNT_LOOKUP", "CONNECTION_TAKEN", "EVENT_APPEND", "COMMIT"})
    void aStepWithoutIdempotencyKeyIsNeverAcknowledgedUnlessStored(Point point) {
        String device = http.postForObject("/api/devices", new HttpEntity<>(reception(), StaffRequests.headers()),
                JsonNode.class).get("deviceId").asString();
        Map<String, Object> correction = Map.of("conditionNotes", "scratched lid", "reason", "noted at unpacking");
        long eventsBefore = storedEvents();

        faults.arm(point);
        ResponseEntity<JsonNode> duringTheFault = http.postForEntity("/api/devices/" + device + "/corrections",
                new HttpEntity<>(correction, StaffRequests.headers()), JsonNode.class);

        assertThat(faults.fired()).as("the database failed at %s", point).isEqualTo(point);
        assertUnavailableAndNothingStored(duringTheFault, eventsBefore);
        assertThat(http.postForEntity("/api/devices/" + device + "/corrections",
                new HttpEntity<>(correction, StaffRequests.headers()), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(storedEvents()).isEqualTo(eventsBefore + 1);
    }

    private void assertUnavailableAndNothingStored(ResponseEntity<JsonNode> answer, long eventsBefore) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
        assertThat(answer.getBody().get("detail").asString()).contains("not acknowledged");
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainEventEntry", Long.class);
    }

    private Map<String, Object> reception() {
        return Map.of("assetTag", "DB-FAULT-" + TAGS.incrementAndGet(), "donorId", donor,
                "donationBatchReference", "LIV-2026-11", "category", "LAPTOP", "manufacturer", "Dell",
                "model", "Latitude 5490", "storageMedia", List.of(Map.of("mediaType", "SATA_SSD",
                        "serialNumber", "S3Z9NB0K" + TAGS.get())),
                "receivedAt", "2026-11-02T09:00:00Z");
    }
}
