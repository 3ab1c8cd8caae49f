package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.command.StaffRequests;
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
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordinateurssolidaires.command.StaffRequests.headers;

/**
 * Text with a control character, or too long, refused on every way into an event — a JSON field, a CSV cell, a
 * header, a query parameter — with 400 naming where it was, and nothing stored.
 */
class OutsideTextIT extends CommandSideIntegrationTest {

    /** NUL, which PostgreSQL text cannot hold, and two that pass for text elsewhere: SOH and ESC. */
    private static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u001B");
    private static final String BATCH_HEADER = "asset_tag,category,manufacturer,model,serial_number,condition_notes,"
            + "medium1_type,medium1_serial";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void refusesAJsonFieldNamingItsPathAlsoInAListAndInANestedObjectLineBreaksOnlyInNotes() {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();

        for (String control : CONTROL) {
            assertRefused(post("/api/devices", reception(donor, "manufacturer", "Dell" + control, "S1")),
                    "field", "manufacturer");
            assertRefused(post("/api/devices", reception(donor, "model", "Latitude", "S1" + control)),
                    "field", "storageMedia[0].serialNumber");
            assertRefused(post("/api/donors", Map.of("legalName", "Mutuelle" + control, "kind", "COMPANY",
                    "contactPerson", "Claire", "contactEmail", "claire@example.org")), "field", "legalName");
        }
        assertRefused(post("/api/devices", reception(donor, "conditionNotes", "n".repeat(2001), "S1")),
                "field", "conditionNotes");
        for (String invisible : List.of("\u00A0", "\u200B", "\u0301")) { // nothing shows: not written
            ResponseEntity<JsonNode> blank = post("/api/devices", reception(donor, "manufacturer", invisible, "S1"));
            assertRefused(blank, "field", "manufacturer");
            assertThat(blank.getBody().at("/errors/0/message").asString()).startsWith("has no visible character");
            assertRefused(post("/api/devices", reception(donor, "model", "Latitude", invisible)),
                    "field", "storageMedia[0].serialNumber");
        }
        for (String lineBreak : List.of("\t", "\n", "\r")) { // one line, unless the field holds notes or reasons
            assertRefused(post("/api/devices", reception(donor, "model", "Latitude" + lineBreak + "5490", "S1")),
                    "field", "model");
            assertRefused(post("/api/devices", reception(donor, "model", "Latitude", "S1" + lineBreak)),
                    "field", "storageMedia[0].serialNumber");
        }
        assertRefused(post("/api/devices", reception(donor, "model", "m".repeat(101), "S1")), "field", "model");
        ResponseEntity<JsonNode> reordered = post("/api/devices",
                reception(donor, "manufacturer", "Dell\u202ELLED", "S1"));
        assertRefused(reordered, "field", "manufacturer"); // shown as "DellDELL"
        assertThat(reordered.getBody().at("/errors/0/message").asString()).contains("a direction control");

        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(post("/api/devices", reception(donor, "conditionNotes", "scratched lid\r\n\tkey missing", "S1"))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void refusesABodyThatIsNotOneJsonObjectWithEachKeyOnce() {
        long stored = storedEvents();
        HttpHeaders headers = StaffRequests.headers();

        for (String body : List.of("{\"legalName\": \"Mutuelle\", \"legalName\": \"Autre\", \"kind\": \"COMPANY\"}",
                "{\"legalName\": \"Mutuelle\", \"kind\": \"COMPANY\"} {\"legalName\": \"Autre\"}")) {
            ResponseEntity<JsonNode> answer = http.postForEntity("/api/donors", new HttpEntity<>(body, headers),
                    JsonNode.class);
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusesACsvCellNamingItsRowAndColumn() {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();

        for (String control : CONTROL) {
            String file = BATCH_HEADER + "\n" + tag() + ",LAPTOP,Dell,Latitude,SN1,,SATA_SSD,S1\n"
                    + tag() + ",LAPTOP,Dell" + control + ",Latitude,SN2,,SATA_SSD,S2" + control + "\n";
            ResponseEntity<JsonNode> refused = importBatch(donor, "LIV-CONTROL", file);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("errors").findValuesAsString("column"))
                    .containsExactlyInAnyOrder("manufacturer", "medium1_serial");
            assertThat(refused.getBody().get("errors").findValues("row")).allMatch(row -> row.asInt() == 3);
        }
        ResponseEntity<JsonNode> tooLong = importBatch(donor, "LIV-LONG",
                BATCH_HEADER + "\n" + tag() + ",LAPTOP,Dell,Latitude,SN1," + "n".repeat(2001) + ",,\n");
        assertThat(tooLong.getBody().at("/errors/0/row").asInt()).isEqualTo(2);
        assertThat(tooLong.getBody().at("/errors/0/column").asString()).isEqualTo("condition_notes");

        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusesAQueryParameterNamingIt() {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();
        String file = BATCH_HEADER + "\n" + tag() + ",LAPTOP,Dell,Latitude,SN1,,,\n";

        for (String control : CONTROL) {
            assertRefused(importBatch(donor, "LIV" + control + "1", file), "parameter", "reference");
        }
        assertRefused(importBatch(donor, "L".repeat(101), file), "parameter", "reference"); // its own @Size
        assertRefused(importBatch(donor, "L".repeat(2001), file), "parameter", "reference");
        // given twice, or no UTF-8 text: named, neither joined, dropped nor answered as a fault
        Map<String, String> csv = Map.of("Authorization", TestAccounts.authorization(), "Content-Type", "text/csv");
        String batches = "/api/donors/" + donor + "/batches?receivedAt=2026-03-02T09:00:00Z&reference=";
        RawHttp.Answer twice = RawHttp.send(port, "POST", batches + "LIV-1&reference=LIV-2", csv, file);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("\"parameter\":\"reference\"").contains("is given more than once");
        RawHttp.Answer notUtf8 = RawHttp.send(port, "POST", batches + "L%FF1", csv, file);
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(notUtf8.body()).contains("\"parameter\":\"reference\"").contains("is not UTF-8 text");

        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** A header copied into the events is ASCII: beyond it, what the server reads is not what the client meant. */
    @Test
    void refusesTextBeyondAsciiInAHeaderCopiedIntoTheEvents() throws Exception {
        String donor = StaffRequests.donorWithAgreement(http);
        String body = JSON.writeValueAsString(reception(donor, "model", "L", "S-A"));
        long stored = storedEvents();

        for (String notAscii : List.of("cam\u00e9", "cam\u00c3\u00a9")) { // é in ISO-8859-1, and in UTF-8
            RawHttp.Answer answer = rawPost(body, "X-Correlation-Id", notAscii);
            assertThat(answer.status()).isEqualTo(400);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.at("/errors/0/header").asString()).isEqualTo("X-Correlation-Id");
            assertThat(problem.at("/errors/0/message").asString()).endsWith("must be ASCII text");
        }
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void refusesAnOverLongHeaderNamingIt() {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();

        for (String header : List.of("X-Correlation-Id", "Idempotency-Key")) {
            HttpHeaders headers = headers();
            headers.set(header, "u".repeat(4000));
            assertRefused(http.postForEntity("/api/devices", new HttpEntity<>(reception(donor, "model", "L", "S1"),
                    headers), JsonNode.class), "header", header);
        }

        assertThat(storedEvents()).isEqualTo(stored);
    }

    /**
     * Sent byte for byte, as no well-behaved client would. Tomcat itself answers 400 to a C0 control character or
     * DEL in a header, before the app sees the request (as problem+json too, naming the rule rather than the
     * header); it reads bytes 0x80-0x9F as C1 control characters and passes them on, and Spring Security's
     * firewall refuses them, before any account is looked up, naming the rule too: in a header the app never reads
     * as well (the firewall by itself checks a header when it is read). Not in a cookie the app does not read: a
     * sibling site's page may set one ("É" in UTF-8 holds byte 0x89), which would otherwise lock its browser out.
     */
    @Test
    void refusesAControlCharacterInEveryHeader() throws Exception {
        String donor = StaffRequests.donorWithAgreement(http);
        String body = JSON.writeValueAsString(reception(donor, "model", "L", "S1"));
        long stored = storedEvents();

        for (String header : List.of("X-Correlation-Id", "Idempotency-Key", "X-Note")) {
            for (String control : List.of("\u0000", "\u0001", "\u001B", "\u007F")) {
                RawHttp.Answer answer = rawPost(body, header, "cam" + control + "ille");
                assertThat(answer.status()).as("%s with U+%04X", header, (int) control.charAt(0)).isEqualTo(400);
                RawHttp.assertRefusedByTheServer(answer);
            }
            for (String control : List.of("\u0085", "\u009B")) {
                RawHttp.Answer answer = rawPost(body, header, "cam" + control + "ille");
                assertThat(answer.status()).isEqualTo(400);
                assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
                assertThat(JSON.readTree(answer.body()).get("detail").asString())
                        .contains("not allowed in a header or the URL");
            }
        }

        assertThat(storedEvents()).isEqualTo(stored);
        String someonesCookie = new String("lang=É".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(rawPost(body, "Cookie", someonesCookie).status()).as("a cookie of another site's").isEqualTo(201);
    }

    /** Beyond the server's limit for all headers together, Tomcat refuses the request before the app sees it. */
    @Test
    void refusesHeadersBeyondTheServersLimitAsAProblem() throws Exception {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();

        RawHttp.assertRefusedByTheServer(rawPost(JSON.writeValueAsString(reception(donor, "model", "L", "S1")),
                "X-Note", "n".repeat(20_000)));

        assertThat(storedEvents()).isEqualTo(stored);
    }

    /**
     * A path's own text ({username}) is held to the same rule as a query parameter, and never echoed back; asked by
     * an admin, whose operations these are (anyone else is refused first, whatever the path holds).
     */
    @Test
    void refusesAPathVariableNamingItWithoutRepeatingIt() throws Exception {
        Map<String, String> authorised = Map.of("Authorization", TestAccounts.authorization(TestAccounts.ADMIN));
        for (String path : List.of("/api/accounts/a%01b", "/api/accounts/a%C2%85b/deactivation",
                "/api/accounts/" + "u".repeat(2_001))) {
            RawHttp.Answer refused = RawHttp.send(port, path.endsWith("deactivation") ? "POST" : "GET", path,
                    authorised, path.endsWith("deactivation") ? "{}" : null);
            assertThat(refused.status()).as(path).isEqualTo(400);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.at("/errors/0/parameter").asString()).as(path).isEqualTo("username");
            // named, not repeated (the problem's instance is the address as sent, percent-encoded)
            assertThat(problem.get("detail").asString() + problem.get("errors")).as(path)
                    .doesNotContain("\u0001", "\u0085", "u".repeat(2_001));
        }
    }

    /** A body that is no JSON object, or holds a key twice, is told so, and nothing is stored. */
    @Test
    void refusesABodyThatIsNoObjectOrHoldsAKeyTwiceSayingWhich() throws Exception {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();
        Map<String, String> authorised = Map.of("Authorization", TestAccounts.authorization());
        for (String noObject : List.of("[]", "null", "", "\"device\"", "42")) {
            RawHttp.Answer refused = RawHttp.send(port, "POST", "/api/devices", authorised, noObject);
            assertThat(refused.status()).as(noObject).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).get("detail").asString()).as(noObject)
                    .isEqualTo("the request body must be a JSON object");
        }
        String twice = JSON.writeValueAsString(reception(donor, "model", "L", "S-TW"))
                .replace("\"model\":\"L\"", "\"model\":\"L\",\"model\":\"M\"");
        RawHttp.Answer refused = RawHttp.send(port, "POST", "/api/devices", authorised, twice);
        assertThat(refused.status()).isEqualTo(400);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("model");
        assertThat(problem.at("/errors/0/message").asString()).isEqualTo("is given more than once");
        String twiceWithin = JSON.writeValueAsString(reception(donor, "model", "L", "S-TW"))
                .replace("\"storageMedia\":[{", "\"storageMedia\":[{\"serialNumber\":\"S-TX\",");
        assertThat(JSON.readTree(RawHttp.send(port, "POST", "/api/devices", authorised, twiceWithin).body())
                .at("/errors/0/field").asString()).isEqualTo("storageMedia[0].serialNumber");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /**
     * A field the request does not have (a misspelling, or one of another request) is named and refused, top-level
     * and within a list, rather than dropped: the device would otherwise be recorded without what the caller said.
     */
    @Test
    void refusesAFieldTheRequestDoesNotHaveNamingIt() throws Exception {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();
        Map<String, Object> misspelt = reception(donor, "model", "L", "S-UK");
        misspelt.put("conditionNote", "screen cracked");
        ResponseEntity<JsonNode> answer = post("/api/devices", misspelt);
        assertRefused(answer, "field", "conditionNote");
        assertThat(answer.getBody().at("/errors/0/message").asString()).isEqualTo("is not a field of this request");
        assertThat(answer.getBody().get("detail").asString()).isEqualTo("unknown field conditionNote");

        String within = JSON.writeValueAsString(reception(donor, "model", "L", "S-UL"))
                .replace("\"storageMedia\":[{", "\"storageMedia\":[{\"capacity\":512,");
        JsonNode problem = JSON.readTree(RawHttp.send(port, "POST", "/api/devices",
                Map.of("Authorization", TestAccounts.authorization()), within).body());
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("storageMedia[0].capacity");
        assertThat(problem.at("/errors/0/message").asString()).isEqualTo("is not a field of this request");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** A value of the wrong kind is named with what it must be, in the API's words, and nothing is stored. */
    @Test
    void refusesAValueOfTheWrongKindSayingWhatItMustBe() throws Exception {
        String donor = StaffRequests.donorWithAgreement(http);
        long stored = storedEvents();
        Map<String, Object> wrongKinds = new LinkedHashMap<>();
        wrongKinds.put("manufacturer", 123);
        wrongKinds.put("model", true);
        wrongKinds.put("category", "PHONE");
        Map<String, String> expected = Map.of("manufacturer", "must be text", "model", "must be text",
                "category", "must be one of LAPTOP, DESKTOP, TABLET");

        for (var wrong : wrongKinds.entrySet()) {
            Map<String, Object> body = reception(donor, "conditionNotes", "fine", "S-" + wrong.getKey());
            body.put(wrong.getKey(), wrong.getValue());
            ResponseEntity<JsonNode> answer = post("/api/devices", body);
            assertRefused(answer, "field", wrong.getKey());
            assertThat(answer.getBody().at("/errors/0/message").asString()).as(wrong.getKey())
                    .isEqualTo(expected.get(wrong.getKey())).doesNotContain("java", "ordinateurssolidaires");
        }
        // a list, or an object of the API's own, given as something else: said in JSON's words, not Java's
        Map<String, Object> notAList = reception(donor, "model", "L", "S-NL");
        notAList.put("storageMedia", "disk");
        ResponseEntity<JsonNode> list = post("/api/devices", notAList);
        assertRefused(list, "field", "storageMedia");
        assertThat(list.getBody().at("/errors/0/message").asString()).isEqualTo("must be a list");
        notAList.put("storageMedia", List.of("disk"));
        ResponseEntity<JsonNode> object = post("/api/devices", notAList);
        assertRefused(object, "field", "storageMedia[0]");
        assertThat(object.getBody().at("/errors/0/message").asString()).isEqualTo("must be an object");
        RawHttp.Answer fraction = RawHttp.send(port, "POST", "/api/devices", Map.of("Authorization",
                TestAccounts.authorization()), JSON.writeValueAsString(reception(donor, "model", "L", "S-F"))
                .replace("\"storageMedia\":[{", "\"storageMedia\":[{\"capacityGigabytes\":2.5,"));
        assertThat(fraction.status()).isEqualTo(400);
        assertThat(fraction.body()).contains("storageMedia[0].capacityGigabytes").contains("must be a whole number");
        RawHttp.Answer outOfRange = RawHttp.send(port, "POST", "/api/devices", Map.of("Authorization",
                TestAccounts.authorization()), JSON.writeValueAsString(reception(donor, "model", "L", "S-R"))
                .replace("\"storageMedia\":[{", "\"storageMedia\":[{\"capacityGigabytes\":2147483648,"));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("storageMedia[0].capacityGigabytes").contains("is out of range");
        for (String quotedNumber : List.of("\"256\"", "\"\"")) {
            RawHttp.Answer quoted = RawHttp.send(port, "POST", "/api/devices", Map.of("Authorization",
                    TestAccounts.authorization()), JSON.writeValueAsString(reception(donor, "model", "L", "S-Q"))
                    .replace("\"storageMedia\":[{", "\"storageMedia\":[{\"capacityGigabytes\":" + quotedNumber + ","));
            assertThat(quoted.status()).as(quotedNumber).isEqualTo(400);
            assertThat(quoted.body()).contains("storageMedia[0].capacityGigabytes").contains("must be a whole number");
        }
        // in the API's words whatever the caller's language
        HttpHeaders french = headers();
        french.setAcceptLanguageAsLocales(List.of(Locale.FRENCH));
        Map<String, Object> noModel = reception(donor, "model", "", "S-L");
        ResponseEntity<JsonNode> inFrench = http.postForEntity("/api/devices", new HttpEntity<>(noModel, french),
                JsonNode.class);
        assertRefused(inFrench, "field", "model");
        assertThat(inFrench.getBody().at("/errors/0/message").asString()).isEqualTo("must not be blank");
        // a yes or no is true or false, never a number or a text that reads as one
        String device = "/api/devices/" + UUID.randomUUID();
        for (Object notABoolean : List.of(7, 1, 0, "true", "false")) {
            Map<String, Object> handOver = new LinkedHashMap<>();
            handOver.put("freeOfChargeAcknowledged", notABoolean);
            handOver.put("handedOverAt", "2026-03-02T09:15:00Z");
            ResponseEntity<JsonNode> answer = post(device + "/hand-over", handOver);
            assertRefused(answer, "field", "freeOfChargeAcknowledged");
            assertThat(answer.getBody().at("/errors/0/message").asString()).as("%s", notABoolean)
                    .isEqualTo("must be true or false");
        }

        assertThat(storedEvents()).isEqualTo(stored);
    }

    private RawHttp.Answer rawPost(String body, String header, String value) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", TestAccounts.authorization()));
        headers.put(header, value);
        return RawHttp.send(port, "POST", "/api/devices", headers, body);
    }

    private void assertRefused(ResponseEntity<JsonNode> answer, String kind, String name) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().at("/errors/0/" + kind).asString()).isEqualTo(name);
        assertThat(answer.getBody().at("/errors/0/message").asString()).isNotBlank();
    }

    /** "  Mutuelle du Clain  " was stored so, and listed first among the donors; a page's form reads it tidied too. */
    @Test
    void storesAJsonFieldsTextWithoutTheSpacesAroundIt() {
        String name = "Mutuelle du Clain " + UUID.randomUUID();
        // "Inès" with its accent typed apart (NFD, as some keyboards and files send it): kept as others type it
        ResponseEntity<JsonNode> registered = post("/api/donors", Map.of("legalName", "  " + name + "  ",
                "kind", "COMPANY", "contactPerson", " Ine\u0300s Roy", "contactEmail", "ines@example.org "));

        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        String stored = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry"
                + " where aggregateidentifier = ?", String.class, registered.getBody().get("donorId").asString());
        assertThat(JSON.readTree(stored).get("legalName").asString()).isEqualTo(name);
        assertThat(JSON.readTree(stored).get("contactPerson").asString()).isEqualTo("In\u00E8s Roy");
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return http.postForEntity(path, new HttpEntity<>(body, headers()), JsonNode.class);
    }

    private ResponseEntity<JsonNode> importBatch(String donor, String reference, String file) {
        HttpHeaders headers = headers();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return http.postForEntity("/api/donors/{donor}/batches?reference={reference}&receivedAt=2026-03-02T09:00:00Z",
                new HttpEntity<>(file, headers), JsonNode.class, donor, reference);
    }

    private static Map<String, Object> reception(String donor, String field, String value, String mediumSerial) {
        Map<String, Object> body = new HashMap<>(Map.of("assetTag", tag(), "donorId", donor,
                "donationBatchReference", "LIV-2026-03", "category", "LAPTOP", "manufacturer", "Dell",
                "model", "Latitude 5490", "storageMedia", List.of(Map.of("mediaType", "SATA_SSD",
                        "serialNumber", mediumSerial)), "receivedAt", "2026-03-02T09:00:00Z"));
        body.put(field, value);
        return body;
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }

    private static String tag() {
        return "TX-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
