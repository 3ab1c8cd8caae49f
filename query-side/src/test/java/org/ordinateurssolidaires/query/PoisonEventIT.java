package org.ordinateurssolidaires.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ordinateurssolidaires.events.device.AssetTag;
import org.ordinateurssolidaires.events.device.DeviceCategory;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.StorageMedium;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.donor.DonorId;
import org.ordinateurssolidaires.events.referral.EligibilityCriterion;
import org.ordinateurssolidaires.events.referral.EncryptedPersonalData;
import org.ordinateurssolidaires.events.referral.PartnerId;
import org.ordinateurssolidaires.events.referral.ReferralAccepted;
import org.ordinateurssolidaires.events.referral.ReferralId;
import org.ordinateurssolidaires.events.referral.ReferralSubmitted;
import org.ordinateurssolidaires.query.documents.DocumentSeal;
import org.ordinateurssolidaires.store.personaldata.KeyEncryptionKey;
import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordinateurssolidaires.query.SampleDevices.LATER;
import static org.ordinateurssolidaires.query.SampleDevices.RECEIVED_AT;
import static org.ordinateurssolidaires.query.SampleDevices.disk;
import static org.ordinateurssolidaires.query.SampleDevices.ready;
import static org.ordinateurssolidaires.query.SampleDevices.refurbished;
import static org.ordinateurssolidaires.query.SampleDevices.sanitised;

/**
 * An event the inventory cannot store is parked, with the events of its device that follow it, and nothing else
 * stops: devices in the same segment and in others keep appearing. The dead-letter endpoint, the metrics and
 * readiness name it; once the cause is fixed a retry applies it, and the inventory is then what a rebuild from the
 * store makes of it. Two causes: a rule of the read model's table the event breaks (a check constraint staff can
 * drop, as they would widen a column too narrow), and a NUL character, which PostgreSQL refuses in text (the command
 * API refuses it too, but stores written by older versions or by hand may hold anything): that one is evicted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonEventIT {

    private static final String DATABASE = "ordinateurs_query_poison_it";
    private static final String GROUP = "inventory";
    private static final int SEGMENTS = 4; // as configured for the inventory processor
    private static final String REFUSED_MANUFACTURER = "Refused Ltd";

    private final EventStoreFixture events = EventStoreFixture.onEmptyDatabase(DATABASE);
    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            PostgresTestDatabase.emptyDatabase(DATABASE), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD));
    private ConfigurableApplicationContext querySide;
    private RestClient http;

    @BeforeAll
    void startQuerySide() {
        querySide = new SpringApplicationBuilder(QuerySideApplication.class)
                .profiles("postgres")
                .run("--spring.datasource.url=" + PostgresTestDatabase.emptyDatabase(DATABASE),
                        "--spring.datasource.username=" + PostgresTestDatabase.USER,
                        "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                        "--server.port=0",
                        "--ordinateurs.personal-data.key-encryption-keyset=" + KeyEncryptionKey.newKeyset(),
                        "--ordinateurs.documents.seal-keyset=" + DocumentSeal.newKeyset(), "--management.prometheus.metrics.export.enabled=true");
        // the dead letters are staff's, the metrics admins'
        TestAccounts.open(jdbc, querySide.getBean(PasswordEncoder.class), "operator", "admin,staff", null, null);
        http = RestClient.builder()
                         .baseUrl("http://localhost:" + ((WebServerApplicationContext) querySide).getWebServer().getPort())
                         .defaultHeaders(headers -> headers.setBasicAuth("operator", TestAccounts.PASSWORD))
                         .build();
    }

    @AfterAll
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void parksWhatItCannotApplyAndAppliesItWhenRetriedOnceTheCauseIsFixed() {
        jdbc.execute("alter table inventory_device add constraint refused_manufacturer check (manufacturer <> '"
                + REFUSED_MANUFACTURER + "')");
        DeviceId refused = deviceInSegment(0);
        DeviceId unstorable = deviceInSegment(1);
        DeviceId sameSegment = deviceInSegment(0);
        DeviceId otherSegment = deviceInSegment(2);
        StorageMedium refusedDisk = disk("R");
        StorageMedium sameSegmentDisk = disk("S");
        events.append(received(refused, "PZ-1", REFUSED_MANUFACTURER, refusedDisk),
                received(unstorable, "PZ-2", "Dell\u0000", disk("U")),
                received(sameSegment, "PZ-3", "Dell", sameSegmentDisk),
                received(otherSegment, "PZ-4", "Dell", disk("O")));
        events.append(sanitised(refused, refusedDisk), sanitised(sameSegment, sameSegmentDisk));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(erasureStatus(sameSegment)).isEqualTo("SANITISED");
            assertThat(inInventory(otherSegment)).isTrue();
            assertThat(parked().get("letters").asLong()).isEqualTo(3);
        });
        assertThat(inInventory(refused)).isFalse();
        assertThat(inInventory(unstorable)).isFalse();

        JsonNode sequence = parkedSequence(refused);
        assertThat(sequence.get("letters").asLong()).isEqualTo(2); // the reception, and the sanitisation behind it
        assertThat(sequence.get("eventType").asString()).isEqualTo("DeviceReceived");
        assertThat(sequence.get("aggregateType").asString()).isEqualTo("Device");
        assertThat(sequence.get("aggregateId").asString()).isEqualTo(refused.toString());
        assertThat(sequence.get("aggregateSequence").asLong()).isZero();
        assertThat(sequence.get("globalIndex").asLong()).isPositive();
        assertThat(sequence.get("causeType").asString()).isEqualTo("org.postgresql.util.PSQLException");
        assertThat(sequence.get("causeMessage").asString()).contains("refused_manufacturer");
        assertThat(sequence.get("enqueuedAt").asString()).isNotBlank();
        assertThat(sequence.get("lastTouched").asString()).isNotBlank();
        assertThat(parkedSequence(unstorable).get("letters").asLong()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("dead_letters\\{[^}]*processingGroup=\"inventory\"[^}]*} 3\\.0")
                .containsPattern("dead_letter_sequences\\{[^}]*processingGroup=\"inventory\"[^}]*} 2\\.0")
                .containsPattern("dead_letters\\{[^}]*processingGroup=\"donors\"[^}]*} 0\\.0"));
        // the parked events are counted in the background, every second: readiness shows them within a second
        Answer readiness = await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/health/readiness"),
                answer -> answer.body().at("/components/readModels/details/inventory/deadLetters").asLong() == 3);
        assertThat(readiness.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        JsonNode inventory = readiness.body().at("/components/readModels/details/inventory");
        assertThat(readiness.body().get("status").asString()).isEqualTo("DOWN");
        assertThat(inventory.get("status").asString()).isEqualTo("DOWN");
        assertThat(inventory.get("deadLetters").asLong()).isEqualTo(3);
        assertThat(inventory.get("parked").findValuesAsString("aggregateId")).contains(refused.toString());
        assertThat(inventory.get("parked").findValuesAsString("eventType")).contains("DeviceReceived");
        assertThat(readiness.body().at("/components/readModels/details/donors/status").asString()).isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").status()).isEqualTo(HttpStatus.OK);

        // retried before the cause is fixed: nothing changes
        JsonNode tooEarly = post("/api/dead-letters/inventory/retry").body();
        assertThat(tooEarly.get("retried").asInt()).isEqualTo(2);
        assertThat(tooEarly.get("succeeded").asInt()).isZero();
        assertThat(tooEarly.get("stillParked").asInt()).isEqualTo(2);
        assertThat(parked().get("letters").asLong()).isEqualTo(3);
        assertThat(inInventory(refused)).isFalse();

        jdbc.execute("alter table inventory_device drop constraint refused_manufacturer");
        JsonNode retried = post("/api/dead-letters/inventory/retry").body();
        assertThat(retried.get("retried").asInt()).isEqualTo(2);
        assertThat(retried.get("succeeded").asInt()).isEqualTo(1);
        assertThat(retried.get("stillParked").asInt()).isEqualTo(1); // the NUL cannot be stored, fix or no fix
        assertThat(erasureStatus(refused)).isEqualTo("SANITISED");
        assertThat(parked().get("parked").findValuesAsString("sequenceId")).containsExactly(unstorable.toString());

        // the inventory as a rebuild from the whole store makes it; the rebuild empties the queue first, and parks
        // the NUL reception again, once
        List<Map<String, Object>> devices = inventoryRows();
        Instant parkedBefore = Instant.parse(parkedSequence(unstorable).get("enqueuedAt").asString());
        rebuildInventory();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(inventoryRows()).isEqualTo(devices);
            assertThat(Instant.parse(parkedSequence(unstorable).get("enqueuedAt").asString())).isAfter(parkedBefore);
            assertThat(parked().get("letters").asLong()).isEqualTo(1);
        });

        // no fix for a NUL in the stored event: staff give up on that device's events
        assertThat(delete("/api/dead-letters/inventory/" + unstorable).status()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(delete("/api/dead-letters/inventory/" + unstorable).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/dead-letters").body().findValuesAsString("letters")).containsOnly("0");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(get("/actuator/health/readiness").status()).isEqualTo(HttpStatus.OK);
            assertThat(prometheus()).containsPattern("dead_letters\\{[^}]*processingGroup=\"inventory\"[^}]*} 0\\.0");
        });
    }

    /**
     * Several events of one segment failing in one batch: each failure rolls the batch back once, and the events
     * marked at earlier attempts stay marked, so all are parked after one attempt more than there are of them, plus
     * the first attempt, written once per batch, whose refusal names no event: 6 attempts for 4 events, not 2^4.
     * Between two attempts the processor pauses 1 s, doubling per consecutive failure unless a batch of the segment
     * commits meanwhile (Axon's pooled processor), and claims the segment again at its next claim pass, every
     * second: at most 31 s of pauses and 5 of claims (11 s in a run where the pause went back to 1 s).
     */
    @Test
    void parksSeveralEventsFailingInOneBatchAfterABoundedNumberOfAttempts() {
        String manufacturer = "Refused Again Ltd";
        jdbc.execute("alter table inventory_device add constraint refused_again check (manufacturer <> '"
                + manufacturer + "')");
        List<DeviceId> refused = List.of(deviceInSegment(3), deviceInSegment(3), deviceInSegment(3),
                deviceInSegment(3));
        DeviceId healthy = deviceInSegment(3);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < refused.size(); i++) {
            batch.add(received(refused.get(i), "BA-" + i, manufacturer, disk("BA" + i)));
            batch.add(received(deviceInSegment(3), "BH-" + i, "Dell", disk("BH" + i)));
        }
        batch.add(received(healthy, "BH-X", "Dell", disk("BHX")));
        events.append(batch);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(parked().get("parked").findValuesAsString("sequenceId"))
                    .containsAll(refused.stream().map(DeviceId::toString).toList());
            assertThat(inInventory(healthy)).isTrue();
        });
        DeviceId later = deviceInSegment(3);
        events.append(received(later, "BH-Y", "Dell", disk("BHY")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(inInventory(later)).isTrue());
        assertThat(refused).noneMatch(this::inInventory);

        jdbc.execute("alter table inventory_device drop constraint refused_again");
        assertThat(post("/api/dead-letters/inventory/retry").body().get("stillParked").asInt()).isZero();
        assertThat(refused).allMatch(this::inInventory);
        assertThat(parked().get("letters").asLong()).isZero();
    }

    /**
     * The referral's row is updated by device events too: an allocation waits behind its referral's parked events
     * (the same sequence), instead of finding no row and being lost; once retried, the row is a clean rebuild's.
     */
    @Test
    void anAllocationWaitsBehindItsReferralsParkedEvents() {
        jdbc.execute("alter table referral_record add constraint refused_household check (household_code <> 'REFUSED')");
        var referral = new ReferralId(UUID.randomUUID());
        DeviceId device = SampleDevices.newDevice();
        StorageMedium medium = disk("AL-1");
        events.append(received(device, "AL-1", "Dell", medium), sanitised(device, medium), refurbished(device),
                ready(device));
        events.append(new ReferralSubmitted(referral, new PartnerId(UUID.randomUUID()), "REFUSED",
                        EligibilityCriterion.values()[0], 3, 1, DeviceCategory.LAPTOP,
                        new EncryptedPersonalData("referral:" + referral, "bm9uY2U=", "c2VhbGVk"), RECEIVED_AT),
                new ReferralAccepted(referral, RECEIVED_AT));
        events.append(new DeviceAllocated(device, referral, LATER));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode referrals = get("/api/dead-letters/referrals").body();
            assertThat(referrals.get("letters").asLong()).isEqualTo(3);
            assertThat(referrals.get("sequences").asLong()).isEqualTo(1);
            JsonNode sequence = referrals.get("parked").get(0);
            assertThat(sequence.get("sequenceId").asString()).isEqualTo(referral.toString());
            assertThat(sequence.get("eventType").asString()).isEqualTo("ReferralSubmitted");
            assertThat(sequence.get("letters").asLong()).isEqualTo(3); // the acceptance and the allocation behind it
            assertThat(jdbc.queryForObject("select referral_id from inventory_device where device_id = ?",
                    UUID.class, device.value())).isEqualTo(referral.value()); // the inventory kept flowing
        });

        jdbc.execute("alter table referral_record drop constraint refused_household");
        assertThat(post("/api/dead-letters/referrals/retry").body().get("succeeded").asInt()).isEqualTo(1);
        Map<String, Object> retried = referralRow(referral);
        assertThat(retried.get("status")).isEqualTo("ALLOCATED");
        assertThat(retried.get("allocated_device")).isEqualTo(device.value());

        StreamingEventProcessor processor = querySide.getBean(EventProcessingConfiguration.class)
                                                     .eventProcessor("referrals", StreamingEventProcessor.class)
                                                     .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(referralRow(referral)).isEqualTo(retried));
        assertThat(get("/api/dead-letters/referrals").body().get("letters").asLong()).isZero();
    }

    private Map<String, Object> referralRow(ReferralId referral) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from referral_record where referral_id = ?",
                referral.value());
        return rows.isEmpty() ? Map.of() : rows.get(0);
    }

    @Test
    void answersNotFoundForAnUnknownProcessingGroupOrSequenceWithoutEchoingIt() {
        String sequence = UUID.randomUUID().toString();
        for (Answer answer : List.of(get("/api/dead-letters/no-such-group"), post("/api/dead-letters/no-such-group/retry"),
                delete("/api/dead-letters/no-such-group/" + sequence),
                delete("/api/dead-letters/inventory/" + sequence),
                post("/api/dead-letters/inventory/retry?sequenceId=" + sequence))) {
            assertThat(answer.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.body().get("detail").asString()).startsWith("no ")
                    .doesNotContain("no-such-group").doesNotContain(sequence);
        }
    }

    private static DeviceReceived received(DeviceId device, String assetTag, String manufacturer,
                                           StorageMedium medium) {
        return new DeviceReceived(device, new AssetTag(assetTag), new DonorId(UUID.randomUUID()), "LIV-1",
                DeviceCategory.LAPTOP, manufacturer, "Latitude", null, List.of(medium), null, RECEIVED_AT);
    }

    /** Axon gives an aggregate's events to the segment matching the hash of its id. */
    private static DeviceId deviceInSegment(int segment) {
        while (true) {
            DeviceId candidate = SampleDevices.newDevice();
            if ((candidate.toString().hashCode() & (SEGMENTS - 1)) == segment) {
                return candidate;
            }
        }
    }

    private JsonNode parked() {
        return get("/api/dead-letters/" + GROUP).body();
    }

    private JsonNode parkedSequence(DeviceId device) {
        return StreamSupport.stream(parked().get("parked").spliterator(), false)
                            .filter(sequence -> sequence.get("sequenceId").asString().equals(device.toString()))
                            .findFirst().orElseThrow(() -> new AssertionError("not parked: " + device));
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    private boolean inInventory(DeviceId device) {
        return jdbc.queryForObject("select count(*) from inventory_device where device_id = ?", Long.class,
                device.value()) > 0;
    }

    private String erasureStatus(DeviceId device) {
        List<String> statuses = jdbc.queryForList("select erasure_status from inventory_medium where device_id = ?",
                String.class, device.value());
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private List<Map<String, Object>> inventoryRows() {
        List<Map<String, Object>> rows = new ArrayList<>(
                jdbc.queryForList("select * from inventory_device order by device_id"));
        rows.addAll(jdbc.queryForList("select * from inventory_medium order by device_id, position"));
        return rows;
    }

    private void rebuildInventory() {
        StreamingEventProcessor processor = querySide.getBean(EventProcessingConfiguration.class)
                                                     .eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens(); // the inventory's reset handler empties it
        processor.start();
    }

    private record Answer(HttpStatusCode status, MediaType contentType, JsonNode body) {
    }

    private Answer get(String path) {
        return answer(http.get().uri(path));
    }

    private Answer post(String path) {
        return answer(http.post().uri(path));
    }

    private Answer delete(String path) {
        return answer(http.delete().uri(path));
    }

    private static Answer answer(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((sent, response) -> new Answer(response.getStatusCode(),
                response.getHeaders().getContentType(), response.bodyTo(JsonNode.class)));
    }
}
