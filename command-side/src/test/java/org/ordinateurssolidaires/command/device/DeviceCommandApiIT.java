package org.ordinateurssolidaires.command.device;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
import org.ordinateurssolidaires.events.EventMetadata;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.ordinateurssolidaires.events.device.DeviceAllocated;
import org.ordinateurssolidaires.events.device.DeviceHandedOver;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.DeviceReceived;
import org.ordinateurssolidaires.events.device.DeviceRefurbished;
import org.ordinateurssolidaires.events.device.QualityCheckPassed;
import org.ordinateurssolidaires.events.device.StorageMediumDestroyed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitisationFailed;
import org.ordinateurssolidaires.events.device.StorageMediumSanitised;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.STORAGE_REMOVED_BY_THE_DONOR;
import static org.ordinateurssolidaires.command.StaffRequests.acceptedReferral;
import static org.ordinateurssolidaires.command.StaffRequests.allocation;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/** A device taken through its whole life over HTTP, into the real event store on PostgreSQL. */
class DeviceCommandApiIT extends CommandSideIntegrationTest {

    private static final AtomicInteger TAGS = new AtomicInteger();
    private static String donor;
    private static final String REPORT = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    @Test
    void recordsAWholeLifeWithWhoDidEachStep() {
        JsonNode device = receive(2).getBody();
        String id = device.get("deviceId").asString();
        String disk = device.at("/storageMedia/0/mediumId").asString();
        String ssd = device.at("/storageMedia/1/mediumId").asString();

        assertThat(post(id, "/media/" + disk + "/sanitisations", sanitisation(false)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        post(id, "/media/" + disk + "/sanitisations", sanitisation(true));
        post(id, "/media/" + ssd + "/destruction", Map.of("method", "SHRED", "operator", "Camille",
                "location", "Broyeur municipal", "destroyedAt", "2026-03-04T10:00:00Z"));
        post(id, "/refurbishment", Map.of("workDone", "battery replaced", "operatingSystem", "Linux Mint 22",
                "technician", "Sam", "refurbishedAt", "2026-03-05T10:00:00Z"));
        post(id, "/quality-checks", Map.of("passed", true, "grade", "A", "inspector", "Lou",
                "checkedAt", "2026-03-06T10:00:00Z"));
        post(id, "/allocation", allocation(acceptedReferral(http, "LAPTOP"), "2026-03-07T10:00:00Z"));
        ResponseEntity<JsonNode> handedOver = post(id, "/hand-over", Map.of("freeOfChargeAcknowledged", true,
                "handedOverAt", "2026-03-08T10:00:00Z"));

        assertThat(handedOver.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(id).asStream().toList();
        assertThat(history).extracting(event -> event.getPayloadType().getSimpleName()).containsExactly(
                DeviceReceived.class.getSimpleName(), StorageMediumSanitisationFailed.class.getSimpleName(),
                StorageMediumSanitised.class.getSimpleName(), StorageMediumDestroyed.class.getSimpleName(),
                DeviceRefurbished.class.getSimpleName(), QualityCheckPassed.class.getSimpleName(),
                DeviceAllocated.class.getSimpleName(), DeviceHandedOver.class.getSimpleName());
        assertThat(history).allSatisfy(event -> assertThat(event.getMetaData())
                .containsEntry(EventMetadata.USER_ID, "camille")
                .containsEntry(EventMetadata.USER_ROLE, "staff")
                .containsKeys(EventMetadata.CORRELATION_ID, EventMetadata.CAUSATION_ID));
    }

    @Test
    void refusesToHandOverBeforeEveryMediumIsErasedNamingTheRule() {
        String id = receive(1).getBody().get("deviceId").asString();

        ResponseEntity<JsonNode> refused = post(id, "/recycling", Map.of("recycler", "Envie 86",
                "certificateReference", "REC-1", "recycledAt", "2026-03-04T10:00:00Z"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("ERASURE_BEFORE_RELEASE");
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    /** A degaussed SSD still holds its data: recorded as erased, it could leave with it. */
    @Test
    void refusesAsErasureASanitisationThePolicyDoesNotAcceptForTheMedium() {
        JsonNode device = receive(1).getBody();
        String id = device.get("deviceId").asString();
        Map<String, Object> degaussed = sanitisation(true);
        degaussed.putAll(Map.of("level", "CLEAR", "technique", "DEGAUSS", "verificationMethod", "SAMPLING"));

        ResponseEntity<JsonNode> refused = post(id, "/media/" + device.at("/storageMedia/0/mediumId").asString()
                + "/sanitisations", degaussed);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("ERASURE_POLICY");
        assertThat(refused.getBody().get("detail").asString()).startsWith(
                "CLEAR/DEGAUSS/SAMPLING does not erase a SATA_SSD: accepted are PURGE/BLOCK_ERASE/*");
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    @Test
    void refusesAStepDatedBeforeTheStepItFollowsNamingBothMoments() {
        JsonNode device = receive(1).getBody();
        String id = device.get("deviceId").asString();
        Map<String, Object> beforeReception = sanitisation(true);
        beforeReception.put("performedAt", "2026-03-01T10:00:00Z");

        ResponseEntity<JsonNode> refused = post(id, "/media/" + device.at("/storageMedia/0/mediumId").asString()
                + "/sanitisations", beforeReception);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("STEPS_IN_ORDER_OF_TIME");
        assertThat(refused.getBody().get("detail").asString()).isEqualTo("the step is dated 2026-03-01T10:00:00Z, "
                + "before the step it follows, done at 2026-03-02T09:00:00Z");
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    @Test
    void refusesAReceptionWithNeitherAMediumNorTheDonorsStatementNamingTheRule() {
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices",
                new HttpEntity<>(receptionBody(nextTag(), 0), headers()), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("STORAGE_ACCOUNTED_FOR_AT_RECEPTION");
    }

    /** One medium listed twice (a copied row), or a capacity no drive has: refused at the field, before any command. */
    @Test
    void refusesTwoMediaWithOneSerialOrAnImpossibleCapacityNamingTheMediumsField() {
        Map<String, Object> twice = new HashMap<>(receptionBody(nextTag(), 0));
        twice.put("storageMedia", List.of(Map.of("mediaType", "SATA_SSD", "serialNumber", "S3Z9NB0K"),
                Map.of("mediaType", "NVME_SSD", "serialNumber", "WD-1"),
                Map.of("mediaType", "NVME_SSD", "serialNumber", " s3z9nb0k ")));
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(twice, headers()),
                JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("storageMedia[2].serialNumber");
        assertThat(refused.getBody().at("/errors/0/message").asString())
                .isEqualTo("is the serial number of another medium of this device");

        Map<String, Object> petabytes = new HashMap<>(receptionBody(nextTag(), 0));
        petabytes.put("storageMedia", List.of(Map.of("mediaType", "HARD_DISK_DRIVE", "serialNumber", "WD-2",
                "capacityGigabytes", 2_147_483_647)));
        refused = http.postForEntity("/api/devices", new HttpEntity<>(petabytes, headers()), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("storageMedia[0].capacityGigabytes");

        Map<String, Object> empty = new HashMap<>(receptionBody(nextTag(), 0));
        empty.put("storageMedia", List.of(Map.of("mediaType", "HARD_DISK_DRIVE", "capacityGigabytes", 0)));
        refused = http.postForEntity("/api/devices", new HttpEntity<>(empty, headers()), JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("storageMedia[0].capacityGigabytes");
    }

    /**
     * A delivery's reference that only looks like another made a second delivery of the donor, printed as the
     * first on its report: an invisible character, a typographic dash or a full-width letter is refused, and the
     * spaces around it are left out, as the import of a delivery's file leaves them.
     */
    @Test
    void aDeliveryReferenceIsWrittenOneWay() {
        for (String alike : List.of("LIV-77\u200B", "LIV\u201077", "LIV\u221277", "\uFF2C\uFF29\uFF36-77")) {
            Map<String, Object> body = new HashMap<>(receptionBody(nextTag(), 0));
            body.put("donationBatchReference", alike);
            ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(body, headers()),
                    JsonNode.class);
            assertThat(refused.getStatusCode()).as(alike).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("donationBatchReference");
        }
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> imported = http.postForEntity("/api/donors/" + donorWithAgreement()
                + "/batches?reference={reference}&receivedAt=2026-03-02T09:00:00Z", new HttpEntity<>("asset_tag\n",
                csv), JsonNode.class, "LIV\u201078");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(imported.getBody().at("/errors/0/parameter").asString()).isEqualTo("reference");

        Map<String, Object> spaced = new HashMap<>(receptionBody(nextTag(), 1));
        spaced.put("donationBatchReference", " Livraison été n°77 ");
        ResponseEntity<JsonNode> received = http.postForEntity("/api/devices", new HttpEntity<>(spaced, headers()),
                JsonNode.class);
        assertThat(received.getStatusCode()).as("%s", received.getBody()).isEqualTo(HttpStatus.CREATED);
        DeviceReceived stored = (DeviceReceived) eventStore.readEvents(received.getBody().get("deviceId").asString())
                                                           .next().getPayload();
        assertThat(stored.donationBatchReference()).isEqualTo("Livraison été n°77");
    }

    /**
     * A zero-width space or a no-break space makes a serial that looks like another: it would pass the rule of one
     * serial per medium, and hide the medium from a search by what the scanner reads (a direction control is refused
     * in any text: OutsideTextIT).
     */
    @Test
    void refusesASerialWithAnInvisibleCharacterNamingTheField() {
        for (String hidden : List.of("S3Z9\u200BNB0K", "S3Z9\u00A0NB0K")) {
            Map<String, Object> body = new HashMap<>(receptionBody(nextTag(), 0));
            body.put("serialNumber", hidden);
            body.put("storageMedia", List.of(Map.of("mediaType", "SATA_SSD", "serialNumber", "S3Z9NB0K"),
                    Map.of("mediaType", "SATA_SSD", "serialNumber", hidden)));

            ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(body, headers()),
                    JsonNode.class);

            assertThat(refused.getStatusCode()).as(hidden).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").findValuesAsString("field")).as(hidden)
                    .containsExactlyInAnyOrder("serialNumber", "storageMedia[1].serialNumber");
        }
        Map<String, Object> blank = new HashMap<>(receptionBody(nextTag(), 0));
        blank.put("serialNumber", " ");
        blank.put("storageMedia", List.of(Map.of("mediaType", "SATA_SSD", "serialNumber", "   ")));
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(blank, headers()),
                JsonNode.class);
        assertThat(refused.getStatusCode()).as("spaces alone, as a correction refuses them").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("serialNumber", "storageMedia[0].serialNumber");

        Map<String, Object> printed = new HashMap<>(receptionBody(nextTag(), 0));
        printed.put("serialNumber", "CZC 8123-456/B#2");
        printed.put("storageMedia", List.of(Map.of("mediaType", "SATA_SSD", "serialNumber", "WD-WX11É.7")));
        assertThat(http.postForEntity("/api/devices", new HttpEntity<>(printed, headers()), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void receivesADeviceWhoseStorageTheDonorRemovedWithTheStatementAsItsErasureEvidence() {
        Map<String, Object> body = new HashMap<>(receptionBody(nextTag(), 0));
        body.put("storageRemoval", STORAGE_REMOVED_BY_THE_DONOR);

        ResponseEntity<JsonNode> received = http.postForEntity("/api/devices", new HttpEntity<>(body, headers()),
                JsonNode.class);
        String id = received.getBody().get("deviceId").asString();

        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(eventStore.readEvents(id).asStream().map(DomainEventMessage::getPayload).toList()).last()
                .isEqualTo(new StorageRemovalStated(new DeviceId(UUID.fromString(id)), new StorageRemovalStatement("Paul Martin", LocalDate.of(2026, 4, 30),
                        "Annexe 2, convention 2023-0208")));
        assertThat(post(id, "/refurbishment", Map.of("workDone", "battery replaced", "operatingSystem",
                "Linux Mint 22", "technician", "Sam", "refurbishedAt", "2026-03-05T10:00:00Z")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void namesEveryInvalidFieldOfTheDonorsStatement() {
        Map<String, Object> body = new HashMap<>(receptionBody(nextTag(), 0));
        body.put("storageRemoval", Map.of("statedBy", " ", "documentReference", "x".repeat(101)));

        ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(body, headers()),
                JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "storageRemoval.statedBy", "storageRemoval.statedOn", "storageRemoval.documentReference");
    }

    @Test
    void recordsTheDonorsStatementForADeviceAlreadyReceivedAtAnyStageBeforeItLeaves() {
        String withAMedium = receive(1).getBody().get("deviceId").asString();
        String ready = StaffRequests.readyLaptop(http, donorWithAgreement());

        ResponseEntity<JsonNode> refused = post(withAMedium, "/storage-removal", STORAGE_REMOVED_BY_THE_DONOR);
        ResponseEntity<JsonNode> onceReady = post(ready, "/storage-removal", STORAGE_REMOVED_BY_THE_DONOR);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("STATEMENT_ONLY_WITHOUT_MEDIA");
        assertThat(eventStore.readEvents(withAMedium).asStream().count()).isEqualTo(1);
        assertThat(onceReady.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(eventStore.readEvents(ready).asStream().toList()).last()
                .extracting(event -> event.getPayloadType().getSimpleName())
                .isEqualTo(StorageRemovalStated.class.getSimpleName());
        assertThat(post(UUID.randomUUID().toString(), "/storage-removal", STORAGE_REMOVED_BY_THE_DONOR)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(ready, "/storage-removal", Map.of("statedBy", "Paul Martin")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void namesEveryInvalidField() {
        ResponseEntity<JsonNode> refused = http.exchange("/api/devices", HttpMethod.POST,
                new HttpEntity<>(Map.of("assetTag", "bad tag", "category", "LAPTOP", "storageMedia", List.of()),
                        headers()), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "assetTag", "donorId", "donationBatchReference", "manufacturer", "model", "receivedAt");
    }

    @Test
    void namesAnUnreadableEnumValue() {
        String id = receive(1).getBody().get("deviceId").asString();

        ResponseEntity<JsonNode> refused = post(id, "/quality-checks", Map.of("passed", true, "grade", "Z",
                "inspector", "Lou", "checkedAt", "2026-03-06T10:00:00Z"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("grade");
    }

    @Test
    void answersNotFoundForAnUnknownDeviceOrMedium() {
        assertThat(post(UUID.randomUUID().toString(), "/return", Map.of("reason", "?",
                "returnedAt", "2026-03-04T10:00:00Z")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        String id = receive(1).getBody().get("deviceId").asString();
        assertThat(post(id, "/media/" + UUID.randomUUID() + "/sanitisations", sanitisation(true)).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("not-a-uuid", "/return", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void refusesAnAnonymousCommandAndStoresNothing() {
        HttpHeaders claimsToBeStaff = headers();
        claimsToBeStaff.set("X-User-Id", "camille");
        claimsToBeStaff.set("X-User-Role", "staff");
        String tag = nextTag();

        ResponseEntity<JsonNode> refused = TestAccounts.anonymous(http).exchange("/api/devices", HttpMethod.POST,
                new HttpEntity<>(receptionBody(tag, 1), claimsToBeStaff), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic ");
        assertThat(receive(tag, headers()).getStatusCode()).as("the tag was not taken").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void recordsTheSignedInPersonWhateverTheHeadersClaim() {
        HttpHeaders claimsToBeSomeoneElse = headers();
        claimsToBeSomeoneElse.set("X-User-Id", "mallory");
        claimsToBeSomeoneElse.set("X-User-Role", "admin");

        String id = receive(nextTag(), claimsToBeSomeoneElse).getBody().get("deviceId").asString();

        assertThat(eventStore.readEvents(id).asStream().toList()).singleElement()
                .satisfies(event -> assertThat(event.getMetaData()).containsEntry(EventMetadata.USER_ID, "camille")
                                                                   .containsEntry(EventMetadata.USER_ROLE, "staff"));
    }

    @Test
    void refusesASecondDeviceWithTheSameAssetTag() {
        String tag = nextTag();
        assertThat(receive(tag, headers()).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> second = receive(tag, headers());

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(second.getBody().get("rule").asString()).isEqualTo("ASSET_TAG_UNIQUE");
    }

    @Test
    void storesACommandSentTwiceWithTheSameIdOnce() {
        HttpHeaders withCommandId = headers();
        withCommandId.set("Idempotency-Key", UUID.randomUUID().toString());
        var request = new HttpEntity<>(receptionBody(nextTag(), 1), withCommandId);

        ResponseEntity<JsonNode> first = http.postForEntity("/api/devices", request, JsonNode.class);
        ResponseEntity<JsonNode> retry = http.postForEntity("/api/devices", request, JsonNode.class);

        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(eventStore.readEvents(first.getBody().get("deviceId").asString()).asStream().count()).isEqualTo(1);
    }

    @Test
    void refusesACommandIdReusedForADifferentCommand() {
        HttpHeaders withCommandId = headers();
        withCommandId.set("Idempotency-Key", UUID.randomUUID().toString());
        String id = receive(nextTag(), withCommandId).getBody().get("deviceId").asString();

        ResponseEntity<JsonNode> otherReception = receive(nextTag(), withCommandId);
        ResponseEntity<JsonNode> otherCommand = http.postForEntity("/api/devices/" + id + "/corrections",
                new HttpEntity<>(Map.of("model", "Latitude 5480", "reason", "misread"), withCommandId), JsonNode.class);

        assertThat(otherReception.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherCommand.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherCommand.getBody().get("detail").asString()).contains("Idempotency-Key");
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    /** Receptions of one tag racing past the aggregate's check: the lookup table's key settles it, by the rule. */
    @Test
    void refusesAllButOneOfManySimultaneousReceptionsOfOneTag() {
        String tag = nextTag();

        List<ResponseEntity<JsonNode>> answers = simultaneously(6, () -> receive(tag, headers()));

        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.CREATED).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() != HttpStatus.CREATED)
                           .allSatisfy(answer -> assertThat(answer.getBody().get("rule").asString())
                                   .isEqualTo("ASSET_TAG_UNIQUE"));
    }

    @Test
    void refusesTextWithControlCharactersAndTimesThatAreNotIsoInstants() {
        Map<String, Object> nul = new HashMap<>(receptionBody(nextTag(), 1));
        nul.put("manufacturer", "Dell\u0000");
        Map<String, Object> number = new HashMap<>(receptionBody(nextTag(), 1));
        number.put("receivedAt", 1e300);
        Map<String, Object> ancient = new HashMap<>(receptionBody(nextTag(), 1));
        ancient.put("receivedAt", "-290000-01-01T00:00:00Z");

        for (Map<String, Object> body : List.of(nul, number, ancient)) {
            ResponseEntity<JsonNode> refused = http.postForEntity("/api/devices", new HttpEntity<>(body, headers()),
                    JsonNode.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().at("/errors/0/field").asString()).isIn("manufacturer", "receivedAt");
        }
    }

    @Test
    void refusesABlankCorrection() {
        String id = receive(1).getBody().get("deviceId").asString();

        ResponseEntity<JsonNode> refused = post(id, "/corrections", Map.of("manufacturer", " ", "reason", "typo"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/field").asString()).isEqualTo("manufacturer");
    }

    /** Six writers append to one device's stream at once: losers of the sequence race are retried, not refused. */
    @Test
    void concurrentStepsOnOneDeviceAreAllRecorded() {
        JsonNode device = receive(6).getBody();
        String id = device.get("deviceId").asString();
        List<String> media = device.get("storageMedia").findValuesAsString("mediumId");
        AtomicInteger next = new AtomicInteger();

        List<ResponseEntity<JsonNode>> answers = simultaneously(media.size(), () ->
                post(id, "/media/" + media.get(next.getAndIncrement()) + "/sanitisations", sanitisation(true)));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT));
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(7);
    }

    /** Runs the call on as many threads, released together. */
    private static <T> List<T> simultaneously(int threads, Supplier<T> call) {
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> calls = IntStream.range(0, threads)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(start);
                        return call.get();
                    }, callers))
                    .toList();
            start.countDown();
            return calls.stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private ResponseEntity<JsonNode> receive(int media) {
        return receive(nextTag(), headers(), media);
    }

    private ResponseEntity<JsonNode> receive(String tag, HttpHeaders headers) {
        return receive(tag, headers, 1);
    }

    private ResponseEntity<JsonNode> receive(String tag, HttpHeaders headers, int media) {
        return http.postForEntity("/api/devices", new HttpEntity<>(receptionBody(tag, media), headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String deviceId, String step, Map<String, ?> body) {
        return http.postForEntity("/api/devices/" + deviceId + step, new HttpEntity<>(body, headers()), JsonNode.class);
    }

    private Map<String, Object> receptionBody(String tag, int media) {
        return Map.of("assetTag", tag, "donorId", donorWithAgreement(),
                "donationBatchReference", "LIV-2026-03", "category", "LAPTOP", "manufacturer", "Dell",
                "model", "Latitude 5490", "storageMedia", IntStream.range(0, media).mapToObj(medium ->
                        Map.of("mediaType", "SATA_SSD", "serialNumber", "S3Z9NB0K" + medium)).toList(),
                "receivedAt", "2026-03-02T09:00:00Z");
    }

    private static Map<String, Object> sanitisation(boolean passed) {
        var body = new HashMap<String, Object>(Map.of("level", "PURGE", "technique", "CRYPTOGRAPHIC_ERASE",
                "tool", "nwipe", "toolVersion", "0.37", "verificationMethod", "FULL", "verificationPassed", passed,
                "operator", "Camille", "location", "Atelier Poitiers", "performedAt", "2026-03-03T10:00:00Z",
                "toolReportSha256", REPORT));
        if (!passed) {
            body.put("failureReason", "verification found 3 unreadable sectors");
        }
        return body;
    }

    /** One donor for the whole class, with an agreement in force since 2020. */
    private String donorWithAgreement() {
        if (donor == null) {
            donor = StaffRequests.donorWithAgreement(http);
        }
        return donor;
    }

    private static String nextTag() {
        return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-" + TAGS.incrementAndGet();
    }
}
