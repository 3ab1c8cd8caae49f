package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.testing.RawHttp;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command is refused before it runs, with nothing stored, when it says more than it reads, says one thing twice, or
 * names an identifier in another form than the canonical one (its answer's type: AnswersInJsonIT).
 */
class CommandsCheckedBeforeTheyRunIT extends CommandSideIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DONOR = """
            {"legalName": "Fondation Ligérienne", "kind": "ASSOCIATION", "contactPerson": "Inès Girard",
             "contactEmail": "ines@example.org"}""";

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @Test
    void aBodySentToACommandThatReadsNoneIsRefused() throws Exception {
        String username = "sans-corps-" + UUID.randomUUID().toString().substring(0, 8);
        RawHttp.Answer opened = RawHttp.send(port, "POST", "/api/accounts", Map.of("Authorization",
                TestAccounts.authorization(TestAccounts.ADMIN)), "{\"username\": \"" + username
                + "\", \"password\": \"un mot de passe assez long\", \"access\": {\"roles\": [\"STAFF\"]}}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        long stored = storedEvents();

        RawHttp.Answer refused = RawHttp.send(port, "POST", "/api/accounts/" + username + "/deactivation",
                Map.of("Authorization", TestAccounts.authorization(TestAccounts.ADMIN)),
                "{\"reason\": \"ordinateur perdu\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).isEqualTo(
                "this request takes no body: send it empty");
        assertThat(storedEvents()).isEqualTo(stored);
        // found by an outside probe: a file sent in parts was passed over unread, and the account deactivated
        RawHttp.Answer inParts = RawHttp.send(port, "POST", "/api/accounts/" + username + "/deactivation",
                Map.of("Authorization", TestAccounts.authorization(TestAccounts.ADMIN), "Content-Type",
                        "multipart/form-data; boundary=limite"), "--limite\r\nContent-Disposition: form-data;"
                        + " name=\"file\"; filename=\"any.csv\"\r\nContent-Type: text/csv\r\n\r\na;b\r\n"
                        + "--limite--\r\n");
        assertThat(inParts.status()).as(inParts.body()).isEqualTo(400);
        assertThat(JSON.readTree(inParts.body()).get("detail").asString()).isEqualTo(
                "this request takes no body: send it empty");
        // nor is a condition no change weighs passed over
        RawHttp.Answer unweighed = RawHttp.send(port, "POST", "/api/accounts/" + username + "/deactivation",
                Map.of("Authorization", TestAccounts.authorization(TestAccounts.ADMIN), "If-None-Match", "*"), null);
        assertThat(unweighed.status()).isEqualTo(412);
        assertThat(JSON.readTree(unweighed.body()).at("/errors/0/header").asString()).isEqualTo("If-None-Match");
        assertThat(RawHttp.send(port, "POST", "/api/accounts/" + username + "/deactivation", Map.of("Authorization",
                TestAccounts.authorization(TestAccounts.ADMIN), "If-None-Match", "\"zz"), null).status())
                .isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(jdbc.queryForObject("select enabled from account where username = ?", Boolean.class, username))
                .as("still open").isTrue();

        RawHttp.Answer empty = RawHttp.send(port, "POST", "/api/accounts/" + username + "/deactivation",
                Map.of("Authorization", TestAccounts.authorization(TestAccounts.ADMIN)), " { } ");
        assertThat(empty.status()).as(empty.body()).isEqualTo(204);
    }

    /** Of two, the servlet API answers the first: each header read once is refused when given twice. */
    @Test
    void aHeaderReadOnceIsRefusedWhenGivenTwice() throws Exception {
        long stored = storedEvents();
        for (String header : List.of("Idempotency-Key", "X-Correlation-Id", "Authorization")) {
            String first = header.equals("Authorization") ? TestAccounts.authorization() : UUID.randomUUID().toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/donors"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DONOR))
                    .header(header, first).header(header, header.equals("Authorization")
                            ? TestAccounts.authorization() : UUID.randomUUID().toString());
            if (!header.equals("Authorization")) {
                request.header("Authorization", TestAccounts.authorization());
            }
            HttpResponse<String> refused = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(header + " " + refused.body()).isEqualTo(400);
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.at("/errors/0/header").asString()).isEqualTo(header);
            assertThat(problem.at("/errors/0/message").asString()).isEqualTo("is given more than once");
        }
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** {@code UUID.fromString} reads {@code 1-2-3-4-5} as {@code 00000001-0002-0003-0004-000000000005}. */
    @Test
    void anIdentifierIsReadInItsCanonicalFormOnly() throws Exception {
        long stored = storedEvents();
        RawHttp.Answer path = RawHttp.send(port, "POST", "/api/devices/1-2-3-4-5/refurbishment",
                Map.of("Authorization", TestAccounts.authorization()), "{\"workDone\": \"x\", \"operatingSystem\": "
                        + "\"Linux\", \"technician\": \"Sam\", \"refurbishedAt\": \"2026-05-03T09:00:00Z\"}");
        assertThat(path.status()).as(path.body()).isEqualTo(400);
        assertThat(JSON.readTree(path.body()).at("/errors/0/message").asString()).startsWith("must be a UUID");

        RawHttp.Answer key = RawHttp.send(port, "POST", "/api/donors", Map.of("Authorization",
                TestAccounts.authorization(), "Idempotency-Key", "1-2-3-4-5"), DONOR);
        assertThat(key.status()).isEqualTo(400);
        assertThat(JSON.readTree(key.body()).at("/errors/0/header").asString()).isEqualTo("Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(stored);

        RawHttp.Answer upperCase = RawHttp.send(port, "POST", "/api/donors", Map.of("Authorization",
                TestAccounts.authorization(), "Idempotency-Key", UUID.randomUUID().toString().toUpperCase()), DONOR);
        assertThat(upperCase.status()).isEqualTo(201);
    }

    /** Instant.parse reads 24:00 as the next day's midnight and a leap second's :60 as :59, the text altered. */
    @Test
    void aMomentIsReadAsAClockWritesItOnly() throws Exception {
        for (String moment : List.of("2026-03-02T24:00:00Z", "2026-03-02T23:59:60Z", "2026-03-02t24:00:00z",
                "2026-03-02t23:59:60z")) {
            RawHttp.Answer refused = RawHttp.send(port, "POST", "/api/referrals/" + UUID.randomUUID() + "/acceptance",
                    Map.of("Authorization", TestAccounts.authorization()), "{\"at\": \"" + moment + "\"}");
            assertThat(refused.status()).as(moment).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).at("/errors/0/field").asString()).isEqualTo("at");
        }
        RawHttp.Answer read = RawHttp.send(port, "POST", "/api/referrals/" + UUID.randomUUID() + "/acceptance",
                Map.of("Authorization", TestAccounts.authorization()), "{\"at\": \"2026-03-02T23:59:59.5Z\"}");
        assertThat(read.status()).as("read, then no such referral").isEqualTo(404);
    }

    /** Jackson decodes an overlong form as the character it stands for: C0 AF was stored as "/". */
    @Test
    void aBodyThatIsNoUtf8TextIsRefused() throws Exception {
        long stored = storedEvents();
        byte[] body = DONOR.replace("Fondation Ligérienne", "Ov@@er").getBytes(StandardCharsets.UTF_8);
        int mark = new String(body, StandardCharsets.UTF_8).indexOf("@@"); // ASCII before it: bytes as characters
        body[mark] = (byte) 0xC0;
        body[mark + 1] = (byte) 0xAF;
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/donors"))
                .header("Content-Type", "application/json").header("Authorization", TestAccounts.authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("detail").asString()).isEqualTo("the request body is not UTF-8 text");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /**
     * JSON is UTF-8 between systems: "Café" declared ISO-8859-1 was stored as "CafÃ©", and UTF-16, declared or not,
     * was read as such (its NUL bytes are UTF-8, no JSON text holds one).
     */
    @Test
    void aBodyInAnotherEncodingIsRefused() throws Exception {
        long stored = storedEvents();
        String declaredOther = "the request body is read as UTF-8 text only (RFC 8259): send it in UTF-8, with "
                + "charset=utf-8 or no charset";
        assertThat(send("application/json; charset=ISO-8859-1", StandardCharsets.ISO_8859_1))
                .isEqualTo(Map.entry(415, declaredOther));
        assertThat(send("application/json;charset=UTF-16LE", StandardCharsets.UTF_16LE))
                .isEqualTo(Map.entry(415, declaredOther));
        assertThat(send("application/json", StandardCharsets.UTF_16LE))
                .isEqualTo(Map.entry(400, "the request body is not UTF-8 text"));
        assertThat(send("application/json", StandardCharsets.UTF_16))
                .isEqualTo(Map.entry(400, "the request body is not UTF-8 text"));
        // found by an outside probe: text all in ASCII is UTF-8 with a NUL byte between each character in UTF-16
        String ascii = DONOR.replace("Fondation Ligérienne", "Fondation Ligerienne").replace("Inès", "Ines");
        assertThat(send("application/json", ascii, StandardCharsets.UTF_16LE))
                .isEqualTo(Map.entry(400, "the request body is not UTF-8 text"));
        assertThat(send("application/json", ascii.replace("Ligerienne", "Lige\u0000rienne"), StandardCharsets.UTF_8))
                .as("a NUL byte in a JSON text").isEqualTo(Map.entry(400, "the request body is not UTF-8 text"));
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /** Read whole to check its text, a body is bounded first: sent without its length, it is cut off at 1 MB. */
    @Test
    void aBodyBeyondWhatACommandTakesIsRefusedBeforeItIsRead() throws Exception {
        long stored = storedEvents();
        byte[] body = DONOR.replace("Fondation Ligérienne", "F" + "o".repeat(2 * 1024 * 1024))
                           .getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("application/json", "application/json;charset=UTF-16")) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/donors"))
                    .header("Content-Type", type).header("Authorization", TestAccounts.authorization())
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(refused.statusCode()).as(type).isEqualTo(413);
            assertThat(JSON.readTree(refused.body()).get("detail").asString())
                    .startsWith("the request body is larger than the server takes (1 MB)");
        }
        assertThat(storedEvents()).isEqualTo(stored);
    }

    /**
     * A donor takes no entity tag: a change made on the condition of one is not made (it was, as if unasked); nor
     * does a read answer one.
     */
    @Test
    void aChangeConditionalOnAnEntityTagIsNotMade() throws Exception {
        long stored = storedEvents();
        RawHttp.Answer refused = RawHttp.send(port, "POST", "/api/donors", Map.of("Authorization",
                TestAccounts.authorization(), "Content-Type", "application/json", "If-Match", "\"bogus\""), DONOR);

        assertThat(refused.status()).isEqualTo(412);
        assertThat(JSON.readTree(refused.body()).at("/errors/0/header").asString()).isEqualTo("If-Match");
        RawHttp.Answer noTag = RawHttp.send(port, "POST", "/api/donors", Map.of("Authorization",
                TestAccounts.authorization(), "Content-Type", "application/json", "If-Match", "bogus"), DONOR);
        assertThat(noTag.status()).as("no entity tag: no condition at all").isEqualTo(400);
        assertThat(JSON.readTree(noTag.body()).at("/errors/0/header").asString()).isEqualTo("If-Match");
        assertThat(storedEvents()).isEqualTo(stored);
        RawHttp.Answer anyRecord = RawHttp.send(port, "POST", "/api/donors", Map.of("Authorization",
                TestAccounts.authorization(), "Content-Type", "application/json", "If-Match", "*"), DONOR);
        assertThat(anyRecord.status()).as("If-Match: * passes").isEqualTo(201);

        // a read of the command side has no entity tag either (found by an outside probe on the query side's)
        String admin = TestAccounts.authorization(TestAccounts.ADMIN);
        assertThat(RawHttp.send(port, "GET", "/api/accounts", Map.of("Authorization", admin, "If-Match", "\"1\""),
                null).status()).isEqualTo(412);
        assertThat(RawHttp.send(port, "GET", "/api/accounts", Map.of("Authorization", admin, "If-None-Match",
                "\"1\", *"), null).status()).isEqualTo(400);
        assertThat(RawHttp.send(port, "GET", "/api/accounts", Map.of("Authorization", admin, "If-Match", "*"), null)
                .status()).isEqualTo(200);
    }

    /** The donor's registration in this encoding, under this type: the answer's status and detail. */
    private Map.Entry<Integer, String> send(String type, Charset encoding) throws Exception {
        return send(type, DONOR, encoding);
    }

    private Map.Entry<Integer, String> send(String type, String body, Charset encoding) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/donors"))
                .header("Content-Type", type).header("Authorization", TestAccounts.authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(encoding))).build(),
                HttpResponse.BodyHandlers.ofString());
        return Map.entry(answer.statusCode(), JSON.readTree(answer.body()).get("detail").asString());
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    }
}
