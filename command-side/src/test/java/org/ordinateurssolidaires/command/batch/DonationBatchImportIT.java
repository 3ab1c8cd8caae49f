package org.ordinateurssolidaires.command.batch;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
import org.ordinateurssolidaires.events.device.DeviceId;
import org.ordinateurssolidaires.events.device.StorageRemovalStated;
import org.ordinateurssolidaires.events.device.StorageRemovalStatement;
import org.ordinateurssolidaires.testing.RawHttp;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/** Importing a donor's delivery from a CSV file, all or nothing, into the real event store. */
class DonationBatchImportIT extends CommandSideIntegrationTest {

    private static final String HEADER = "asset_tag,category,manufacturer,model,serial_number,condition_notes,"
            + "medium1_type,medium1_manufacturer,medium1_model,medium1_serial,medium1_capacity_gb";
    private static final String HEADER_WITH_STATEMENT = HEADER
            + ",storage_removal_stated_by,storage_removal_stated_on,storage_removal_document";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void importsTheShippedTemplateWithEveryDeviceAndMedium() throws Exception {
        String donor = donorWithAgreement();
        String template = Files.readString(Path.of("../docs/donation-batch-template.csv"))
                               .replace("OS-2026-09", "TP-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-");

        ResponseEntity<JsonNode> imported = importFile(donor, "LIV-TEMPLATE", template);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("devices").asInt()).isEqualTo(4);
        JsonNode desktop = imported.getBody().at("/received/1");
        assertThat(desktop.get("storageMedia")).hasSize(2);
        assertThat(eventStore.readEvents(imported.getBody().at("/received/3/deviceId").asString()).asStream()
                .map(event -> event.getPayload()).toList()).last().isInstanceOf(StorageRemovalStated.class);
        assertThat(eventStore.readEvents(desktop.get("deviceId").asString()).next().getMetaData())
                .containsEntry("correlationId", imported.getBody().get("batchId").asString());
        assertThat(eventStore.readEvents(imported.getBody().get("batchId").asString()).asStream().count()).isEqualTo(1);
    }

    @Test
    void refusesAFileWithBadRowsAsAWholeNamingEachRowAndColumn() {
        String donor = donorWithAgreement();
        String prefix = prefix();
        String file = String.join("\n", HEADER.replace(',', ';'),
                prefix + "1;LAPTOP;Dell;Latitude 5490;SN1;;SATA_SSD;Samsung;PM871;S1;256",
                prefix + "2;PHONE;Dell;Latitude 5490;SN2;;SATA_SSD;Samsung;PM871;S2;256",
                prefix + "3;LAPTOP;;Latitude 5490;SN3;;FLOPPY;Samsung;PM871;S3;lots",
                prefix + "1;DESKTOP;HP;ProDesk;SN4;;HARD_DISK_DRIVE;;;;",
                // a whole number is decimal digits, as everywhere else: not signed, nor in another script's digits
                prefix + "6;LAPTOP;Dell;Latitude 5490;SN6;;SATA_SSD;Samsung;PM871;S6;+256",
                prefix + "7;LAPTOP;Dell;Latitude 5490;SN7;;SATA_SSD;Samsung;PM871;S7;\u0662\u0665\u0666",
                prefix + "8;LAPTOP;Dell;Latitude 5490;SN8;;SATA_SSD;Samsung;PM871;S8;\uff12\uff15\uff16");

        ResponseEntity<JsonNode> refused = importFile(donor, "LIV-BAD", file);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problems(refused)).as("in the file's order, row by row, column by column").containsExactly(
                "3 category", "4 manufacturer", "4 medium1_type", "4 medium1_capacity_gb", "5 asset_tag",
                "6 medium1_capacity_gb", "7 medium1_capacity_gb", "8 medium1_capacity_gb");
        assertThat(jdbc.queryForObject("select count(*) from asset_tag_registry where asset_tag like ?", Long.class,
                prefix + "%")).isZero();
    }

    /**
     * A file bad in every row is answered with its first hundred problems and how many more, as a body's errors are:
     * 5,000 rows bad in every cell were 125,000 problems, 15 MB of answer (and of a browser's session, on the page).
     */
    @Test
    void refusesAFileBadInEveryRowListingTheFirstHundredProblems() {
        String prefix = prefix();
        String file = HEADER + "\n" + IntStream.range(0, 150)
                .mapToObj(i -> prefix + i + ",TOASTER,Dell,Latitude 5490,SN" + i + ",,SATA_SSD,Samsung,PM871,S" + i
                               + ",256")
                .collect(Collectors.joining("\n"));

        ResponseEntity<JsonNode> refused = importFile(donorWithAgreement(), "LIV-ALL-BAD", file);

        assertThat(problems(refused)).hasSize(100).startsWith("2 category").endsWith("101 category");
        assertThat(refused.getBody().get("errorsNotListed").asInt()).isEqualTo(50);
        assertThat(refused.getBody().get("detail").asString())
                .isEqualTo("150 problem(s) in the batch file; nothing was imported; the first 100 are listed");
    }

    @Test
    void readsWindows1252SkipsBlankRowsAndRefusesBrokenQuotesOrTwiceGivenColumns() {
        String donor = donorWithAgreement();
        String tag = prefix() + "1";
        byte[] excelExport = (HEADER.replace(',', ';') + "\r\n" + tag
                + ";LAPTOP;Dell;Latitude 5490;SN1;rayure près de l'écran;SATA_SSD;;;;\r\n;;;;;;;;;;\r\n")
                .getBytes(Charset.forName("windows-1252"));

        ResponseEntity<JsonNode> imported = importFile(donor, "LIV-EXCEL", excelExport);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("devices").asInt()).isEqualTo(1);
        assertThat(eventStore.readEvents(imported.getBody().at("/received/0/deviceId").asString()).next().getPayload()
                .toString()).contains("rayure près de l'écran");
        assertThat(problems(importFile(donor, "LIV-QUOTE", HEADER + "\n" + prefix() + "1,LAPTOP,\"Dell,X\n")))
                .containsExactly("2 ");
        assertThat(problems(importFile(donor, "LIV-TWICE", "asset_tag,category,manufacturer,model,model\n")))
                .containsExactly("1 model");
    }

    /** A file sent with its charset is read in it: ISO-8859-15 writes "€" as 0xA4, Windows-1252's "¤". */
    @Test
    void readsAFileInTheCharsetItsTypeDeclaresAndRefusesOneItIsNotIn() {
        String donor = donorWithAgreement();
        byte[] latin9 = (HEADER + "\n" + prefix() + "1,LAPTOP,Dell,Latitude 5490,SN1,écran 15 € neuf,SATA_SSD,,,,\n")
                .getBytes(Charset.forName("ISO-8859-15"));

        ResponseEntity<JsonNode> imported = importFile(donor, "LIV-LATIN9", latin9, null,
                "text/csv; charset=ISO-8859-15");

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(eventStore.readEvents(imported.getBody().at("/received/0/deviceId").asString()).next().getPayload()
                .toString()).contains("écran 15 € neuf");
        long stored = storedEvents();
        byte[] latin1 = (HEADER + "\n" + prefix() + "1,LAPTOP,Dell,Latitude,SN1,écran,SATA_SSD,,,,\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(problems(importFile(donor, "LIV-NOT-UTF8", latin1, null, "text/csv; charset=utf-8")))
                .containsExactly("2 ");
        RawHttp.Answer unknown = RawHttp.send(port, "POST", "/api/donors/" + donor
                + "/batches?reference=LIV-UNKNOWN&receivedAt=2026-03-02T09:00:00Z", Map.of("Authorization",
                TestAccounts.authorization(), "Content-Type", "text/csv; charset=x-no-such-charset"), HEADER + "\n");
        assertThat(unknown.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        assertThat(unknown.head()).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(unknown.body()).contains("a charset the server does not know", "Send text/csv.");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusesARowWithNeitherAMediumNorTheDonorsStatementNamingTheRowColumnAndRule() {
        String donor = donorWithAgreement();
        String prefix = prefix();
        String file = String.join("\n", HEADER_WITH_STATEMENT,
                prefix + "1,TABLET,Apple,iPad,,,,,,,,\"Paul Martin, DSI\",2026-02-27,Annexe 2",
                prefix + "2,DESKTOP,HP,ProDesk,,,,,,,,,,",
                prefix + "3,DESKTOP,HP,ProDesk,,,,,,,,Paul Martin,le 3 mars,",
                prefix + "4,DESKTOP,HP,ProDesk,,,,,,,,Paul Martin,31/02/2026,BL-2026-03",
                // a spreadsheet's empty date, and a day after 2099: refused as the API refuses them
                prefix + "5,DESKTOP,HP,ProDesk,,,,,,,,Paul Martin,01/01/0001,BL-2026-03",
                prefix + "6,DESKTOP,HP,ProDesk,,,,,,,,Paul Martin,31/12/2100,BL-2026-03",
                // media listed beside the statement that the storage was removed: one of the two is a slip
                prefix + "7,DESKTOP,HP,ProDesk,,,HARD_DISK_DRIVE,Seagate,,Z1,500,Paul Martin,2026-02-27,BL-2026-03");

        ResponseEntity<JsonNode> refused = importFile(donor, "LIV-NO-STORAGE", file);

        assertThat(problems(refused)).containsExactlyInAnyOrder(
                "3 medium1_type", "4 storage_removal_stated_on", "4 storage_removal_document",
                "5 storage_removal_stated_on", "6 storage_removal_stated_on", "7 storage_removal_stated_on",
                "8 storage_removal_stated_by");
        assertThat(refused.getBody().get("errors").findValuesAsString("message"))
                .contains("must be between 2000-01-01 and 2099-12-31");
        assertThat(refused.getBody().at("/errors/0/message").asString())
                .startsWith("STORAGE_ACCOUNTED_FOR_AT_RECEPTION");
        assertThat(jdbc.queryForObject("select count(*) from asset_tag_registry where asset_tag like ?", Long.class,
                prefix + "%")).isZero();
    }

    /** The delivery's moment, given as a query parameter, is held to the span a JSON moment is. */
    @Test
    void refusesADeliveryMomentOutsideTheProgrammesTimeNamingTheParameter() {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/donors/" + donorWithAgreement()
                        + "/batches?reference=LIV-1970&receivedAt=1970-01-01T00:00:00Z",
                new HttpEntity<>((HEADER + "\n" + prefix() + "1,DESKTOP,HP,ProDesk,,,SATA_SSD,,,S-1970,\n")
                        .getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/parameter").asString()).isEqualTo("receivedAt");
        assertThat(refused.getBody().at("/errors/0/message").asString())
                .isEqualTo("must be between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z");
    }

    /** 24:00 (the next day's midnight) and a leap second (read as :59) are no moment of the programme's clocks. */
    @Test
    void refusesADeliveryMomentAtTwentyFourOrAtALeapSecondAsNoInstant() {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        for (String moment : List.of("2026-03-02T24:00:00Z", "2026-03-02T23:59:60Z")) {
            ResponseEntity<JsonNode> refused = http.postForEntity("/api/donors/" + donorWithAgreement()
                            + "/batches?reference=LIV-H24&receivedAt=" + moment,
                    new HttpEntity<>((HEADER + "\n" + prefix() + "1,DESKTOP,HP,ProDesk,,,SATA_SSD,,,S-H24,\n")
                            .getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);

            assertThat(refused.getStatusCode()).as(moment).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().at("/errors/0/parameter").asString()).isEqualTo("receivedAt");
            assertThat(refused.getBody().at("/errors/0/message").asString()).startsWith("must be an instant");
        }
    }

    /** A medium's cells copied into the next medium's: the same rule as the API's, named at the second one's cell. */
    @Test
    void refusesOneMediumListedTwiceInARowNamingTheSecondsCell() {
        String file = "asset_tag,category,manufacturer,model,medium1_type,medium1_serial,medium2_type,medium2_serial\n"
                + prefix() + "1,DESKTOP,HP,ProDesk,SATA_SSD,S-DUP,HARD_DISK_DRIVE,s-dup\n";

        ResponseEntity<JsonNode> refused = importFile(donorWithAgreement(), "LIV-DUP-MEDIUM", file);

        assertThat(problems(refused)).containsExactly("2 medium2_serial");
    }

    @Test
    void importsTheDonorsStatementWrittenAsAFrenchSpreadsheetWritesDates() {
        String file = HEADER_WITH_STATEMENT.replace(',', ';') + "\n"
                + prefix() + "1;DESKTOP;HP;ProDesk;;;;;;;;Paul Martin;27/02/2026;BL-2026-03";

        ResponseEntity<JsonNode> imported = importFile(donorWithAgreement(), "LIV-FR-DATE", file);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(eventStore.readEvents(imported.getBody().at("/received/0/deviceId").asString()).asStream()
                .map(event -> event.getPayload()).toList()).last()
                .isEqualTo(new StorageRemovalStated(new DeviceId(UUID.fromString(
                        imported.getBody().at("/received/0/deviceId").asString())),
                        new StorageRemovalStatement("Paul Martin", LocalDate.of(2026, 2, 27), "BL-2026-03")));
    }

    @Test
    void refusesUnknownColumnsAndAFileWithoutDevices() {
        String donor = donorWithAgreement();

        assertThat(problems(importFile(donor, "LIV-COLUMNS", "asset_tag,category,manufacturer,model,colour\n")))
                .containsExactly("1 colour");
        assertThat(problems(importFile(donor, "LIV-EMPTY", HEADER + "\n"))).containsExactly("0 ");
    }

    /** The delivery's reference and date are the import's query parameters: one not given is named. */
    @Test
    void refusesAnImportWithoutItsReferenceNamingIt() {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/donors/" + donorWithAgreement()
                + "/batches?receivedAt=2026-03-02T09:00:00Z", new HttpEntity<>(HEADER + "\n", headers), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().at("/errors/0/parameter").asString()).isEqualTo("reference");
        assertThat(refused.getBody().at("/errors/0/message").asString()).isEqualTo("is required");
    }

    @Test
    void refusesTheSameDeliveryTwiceAndAnUnknownDonor() {
        String donor = donorWithAgreement();
        String file = HEADER + "\n" + prefix() + "1,LAPTOP,Dell,Latitude 5490,SN1,,SATA_SSD,,,,";
        assertThat(importFile(donor, "LIV-ONCE", file).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> again = importFile(donor, "LIV-ONCE", file.replace("1,LAPTOP", "2,LAPTOP"));
        ResponseEntity<JsonNode> stranger = importFile(UUID.randomUUID().toString(), "LIV-X", file);

        assertThat(again.getBody().get("rule").asString()).isEqualTo("BATCH_RECORDED_ONCE");
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(stranger.getBody().get("detail").asString()).startsWith("no donor ");
    }

    /** A retry under the same Idempotency-Key (an answer lost on the way) is answered as the first import was. */
    @Test
    void anImportSentAgainUnderItsKeyIsAnsweredAsTheFirstWas() {
        String donor = donorWithAgreement();
        String file = HEADER + "\n" + prefix() + "1,LAPTOP,Dell,Latitude 5490,SN1,,SATA_SSD,Samsung,PM871,S1,256\n"
                + prefix() + "2,DESKTOP,HP,ProDesk,SN2,,HARD_DISK_DRIVE,,,S2,500";
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = importFile(donor, "LIV-RETRY", file.getBytes(StandardCharsets.UTF_8), key);
        ResponseEntity<JsonNode> again = importFile(donor, "LIV-RETRY", file.getBytes(StandardCharsets.UTF_8), key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).as("%s", again.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(eventStore.readEvents(first.getBody().get("batchId").asString()).asStream().count()).isEqualTo(1);

        ResponseEntity<JsonNode> otherFile = importFile(donor, "LIV-RETRY",
                file.replace("SN1", "SN9").getBytes(StandardCharsets.UTF_8), key);
        assertThat(otherFile.getStatusCode()).as("another file under the same key").isEqualTo(HttpStatus.CONFLICT);
        assertThat(otherFile.getBody().get("detail").asString()).contains("Idempotency-Key");
        ResponseEntity<JsonNode> otherKey = importFile(donor, "LIV-RETRY", file.getBytes(StandardCharsets.UTF_8),
                UUID.randomUUID().toString());
        assertThat(otherKey.getBody().get("rule").asString()).isEqualTo("BATCH_RECORDED_ONCE");
    }

    /**
     * The same delivery sent several times at once, before any is stored (a double click, a script's retries): one
     * is recorded, the others refused by the rule, not failed by the store's unique key; under one Idempotency-Key,
     * every copy is answered as the recorded one.
     */
    @Test
    void theSameDeliverySentSeveralTimesAtOnceIsRecordedOnce() throws Exception {
        String donor = donorWithAgreement();
        String file = HEADER + "\n" + prefix() + "1,LAPTOP,Dell,Latitude 5490,SN1,,SATA_SSD,,,,";

        List<ResponseEntity<JsonNode>> answers = sentAtOnce(4, () -> importFile(donor, "LIV-RACE", file));

        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.CREATED).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() != HttpStatus.CREATED)
                           .allSatisfy(refused -> {
                               assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                               assertThat(refused.getBody().get("rule").asString()).isEqualTo("BATCH_RECORDED_ONCE");
                           });

        String key = UUID.randomUUID().toString();
        String another = HEADER + "\n" + prefix() + "1,LAPTOP,Dell,Latitude 5490,SN1,,SATA_SSD,,,,";
        List<ResponseEntity<JsonNode>> retried = sentAtOnce(4, () -> importFile(donor, "LIV-RACE-KEY",
                another.getBytes(StandardCharsets.UTF_8), key));

        assertThat(retried).allSatisfy(answer -> {
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(answer.getBody()).isEqualTo(retried.get(0).getBody());
        });
    }

    private static List<ResponseEntity<JsonNode>> sentAtOnce(int copies, Callable<ResponseEntity<JsonNode>> send)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(copies);
        try {
            List<Future<ResponseEntity<JsonNode>>> sent = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                sent.add(senders.submit(() -> {
                    ready.await();
                    return send.call();
                }));
            }
            ready.countDown();
            List<ResponseEntity<JsonNode>> answers = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> answer : sent) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            senders.shutdownNow();
        }
    }

    /** The largest file a batch may be is received whole, within the import's own time bound (not a command's). */
    @Test
    void importsTheLargestFileABatchMayBe() {
        String donor = donorWithAgreement();
        String prefix = prefix();
        String file = HEADER + "\n" + IntStream.range(0, BatchFile.MAX_ROWS)
                .mapToObj(i -> prefix + i + ",LAPTOP,Lenovo,ThinkPad T480,PF1" + i + ",,NVME_SSD,Samsung,PM981,S4D" + i + ",256")
                .collect(Collectors.joining("\n"));

        ResponseEntity<JsonNode> imported = importFile(donor, "LIV-MAX", file);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(imported.getBody().get("devices").asInt()).isEqualTo(BatchFile.MAX_ROWS);
        assertThat(jdbc.queryForObject("select count(*) from asset_tag_registry where asset_tag like ?", Long.class,
                prefix + "%")).isEqualTo(BatchFile.MAX_ROWS);
    }

    @Test
    void refusesAFileLargerThanABatchWithoutReadingItAll() {
        byte[] huge = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        huge = Arrays.copyOf(huge, BatchFile.MAX_BYTES + 1024);
        Arrays.fill(huge, HEADER.length() + 1, huge.length, (byte) '\n');

        ResponseEntity<JsonNode> refused = importFile(donorWithAgreement(), "LIV-HUGE", huge);

        assertThat(refused.getStatusCode()).as("HTTP's answer to a body too large")
                                           .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(refused.getBody().toString()).contains("larger than " + BatchFile.MAX_BYTES);
    }

    @Test
    void reconcilesABatchWithTheDonorOnceItIsProcessed() {
        String donor = donorWithAgreement();
        String tags = prefix();
        JsonNode imported = importFile(donor, "LIV-RECONCILE", HEADER_WITH_STATEMENT + "\n"
                + tags + "1,TABLET,Apple,iPad,,,,,,,,Paul Martin,2026-02-27,BL-2026-03\n"
                + tags + "2,TABLET,Apple,iPad,,,,,,,,Paul Martin,2026-02-27,BL-2026-03").getBody();
        String batch = imported.get("batchId").asString();
        String refurbished = imported.at("/received/0/deviceId").asString();
        String recycled = imported.at("/received/1/deviceId").asString();

        assertThat(post("/api/devices/" + refurbished + "/refurbishment", Map.of("workDone", "screen cleaned",
                "operatingSystem", "iPadOS 17", "technician", "Sam", "refurbishedAt", "2026-03-05T10:00:00Z"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<JsonNode> early = post("/api/batches/" + batch + "/dispute",
                Map.of("raisedBy", "Claire", "comment", "two iPads"));
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(early.getBody().get("rule").asString()).isEqualTo("RECONCILIATION_ONCE_PROCESSED");
        assertThat(early.getBody().get("detail").asString()).startsWith("1 device(s) of batch ");
        assertThat(post("/api/devices/" + recycled + "/recycling", Map.of("recycler", "Envie 86",
                "certificateReference", "REC-1", "recycledAt", "2026-03-05T11:00:00Z"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(post("/api/batches/" + batch + "/dispute", Map.of("raisedBy", "Claire", "comment", "three iPads"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/batches/" + batch + "/confirmation", Map.of("confirmedBy", "Claire"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("/api/batches/" + batch + "/dispute", Map.of("raisedBy", "Claire", "comment", "?"))
                .getBody().get("rule").asString()).isEqualTo("CONFIRMED_BATCH_IS_SETTLED");
        assertThat(post("/api/batches/" + UUID.randomUUID() + "/confirmation", Map.of("confirmedBy", "Claire"))
                .getBody().get("detail").asString()).startsWith("no batch ");
    }

    /** What the donor reconciles is the file: no device received alone joins it, none of its devices leaves it. */
    @Test
    void keepsADeliveryImportedFromAFileAsTheFile() {
        String donor = donorWithAgreement();
        String tags = prefix();
        JsonNode imported = importFile(donor, "LIV-WHOLE", HEADER_WITH_STATEMENT + "\n"
                + tags + "1,TABLET,Apple,iPad,,,,,,,,Paul Martin,2026-02-27,BL-2026-03").getBody();
        String inTheFile = imported.at("/received/0/deviceId").asString();

        ResponseEntity<JsonNode> alone = post("/api/devices", Map.of("assetTag", tags + "9", "donorId", donor,
                "donationBatchReference", "LIV-WHOLE", "category", "TABLET", "manufacturer", "Apple", "model", "iPad",
                "storageMedia", List.of(), "storageRemoval", StaffRequests.STORAGE_REMOVED_BY_THE_DONOR,
                "receivedAt", "2026-03-02T09:00:00Z"));
        ResponseEntity<JsonNode> moved = post("/api/devices/" + inTheFile + "/corrections",
                Map.of("donationBatchReference", "LIV-ELSEWHERE", "reason", "typo"));

        assertThat(alone.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(alone.getBody().get("rule").asString()).isEqualTo("DELIVERY_FILE_IS_WHOLE");
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(moved.getBody().get("rule").asString()).isEqualTo("DELIVERY_FILE_IS_WHOLE");
        assertThat(post("/api/devices/" + inTheFile + "/corrections", Map.of("model", "iPad 6", "reason", "model"))
                           .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Nor is a file imported into a delivery that already holds devices received alone, or moved into it. */
    @Test
    void importsNoFileIntoADeliveryThatHoldsDevicesReceivedAlone() {
        String donor = donorWithAgreement();
        String tags = prefix();
        String file = HEADER_WITH_STATEMENT + "\n" + tags + "1,TABLET,Apple,iPad,,,,,,,,Paul Martin,2026-02-27,BL-1";
        ResponseEntity<JsonNode> alone = post("/api/devices", Map.of("assetTag", tags + "9", "donorId", donor,
                "donationBatchReference", "LIV-BY-HAND", "category", "TABLET", "manufacturer", "Apple", "model", "iPad",
                "storageMedia", List.of(), "storageRemoval", StaffRequests.STORAGE_REMOVED_BY_THE_DONOR,
                "receivedAt", "2026-03-02T09:00:00Z"));
        assertThat(alone.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long stored = storedEvents();

        ResponseEntity<JsonNode> refused = importFile(donor, "LIV-BY-HAND", file);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().get("rule").asString()).isEqualTo("DELIVERY_FILE_IS_WHOLE");
        assertThat(refused.getBody().get("detail").asString()).contains("already holds 1 device(s)");
        assertThat(storedEvents()).isEqualTo(stored);

        // moved out by a correction, it leaves its first delivery free for the file, and holds the other
        String device = alone.getBody().get("deviceId").asString();
        assertThat(post("/api/devices/" + device + "/corrections", Map.of("donationBatchReference", "LIV-OTHER",
                "reason", "typed wrong")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(importFile(donor, "LIV-OTHER", file.replace(tags + "1", tags + "2")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(importFile(donor, "LIV-BY-HAND", file).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private ResponseEntity<JsonNode> importFile(String donor, String reference, String file) {
        return importFile(donor, reference, file.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<JsonNode> importFile(String donor, String reference, byte[] file) {
        return importFile(donor, reference, file, null);
    }

    private ResponseEntity<JsonNode> importFile(String donor, String reference, byte[] file, String idempotencyKey) {
        return importFile(donor, reference, file, idempotencyKey, "text/csv");
    }

    private ResponseEntity<JsonNode> importFile(String donor, String reference, byte[] file, String idempotencyKey,
                                                String type) {
        HttpHeaders headers = headers();
        headers.set(HttpHeaders.CONTENT_TYPE, type);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.postForEntity("/api/donors/" + donor + "/batches?reference=" + reference
                + "&receivedAt=2026-03-02T09:00:00Z", new HttpEntity<>(file, headers), JsonNode.class);
    }

    private static List<String> problems(ResponseEntity<JsonNode> refused) {
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        List<String> problems = new ArrayList<>();
        refused.getBody().get("errors").forEach(error -> problems.add(error.get("row").asInt() + " "
                + error.get("column").asString()));
        return problems;
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return http.postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class);
    }

    private String donorWithAgreement() {
        return StaffRequests.donorWithAgreement(http);
    }

    private static String prefix() {
        return "BT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    }
}
