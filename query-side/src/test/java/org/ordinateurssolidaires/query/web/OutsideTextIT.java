package org.ordinateurssolidaires.query.web;

import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.testing.RawHttp;
import org.ordinateurssolidaires.web.testing.FormBrowser;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control character or an over-long value in a query parameter, a form field or the header a read is logged
 * under: 400 naming it, never a PostgreSQL error answered as 500.
 */
class OutsideTextIT extends QuerySideIntegrationTest {

    /** NUL, which PostgreSQL text cannot hold, and two that pass for text elsewhere: SOH and ESC. */
    private static final List<String> CONTROL = List.of("\u0000", "\u0001", "\u001B");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @LocalServerPort
    int port;

    @Test
    void refusesAQueryParameterNamingIt() {
        String donor = UUID.randomUUID().toString();
        for (String control : CONTROL) {
            for (String parameter : List.of("serial", "operator")) {
                assertRefused(get("/api/erasure-register?" + parameter + "={value}", "WD" + control + "1"),
                        "parameter", parameter);
                assertRefused(get("/api/erasure-register.csv?" + parameter + "={value}", "WD" + control + "1"),
                        "parameter", parameter);
            }
            assertRefused(get("/api/devices?state={value}", "READY" + control), "parameter", "state");
            assertRefused(get("/api/donors/" + donor + "/sanitisation-certificate.pdf?delivery={value}",
                    "LIV" + control), "parameter", "delivery");
        }
        assertRefused(get("/api/erasure-register?serial={value}", "W".repeat(2001)), "parameter", "serial");
    }

    /** The API speaks its own words whatever the reader's language: a rule's message too, never half French. */
    @Test
    void theApiSaysWhatIsWrongInItsOwnWordsWhateverTheReadersLanguage() {
        HttpHeaders french = new HttpHeaders();
        french.setAcceptLanguageAsLocales(List.of(Locale.FRENCH));
        ResponseEntity<JsonNode> answer = http.exchange("/api/devices?page=-1", HttpMethod.GET,
                new HttpEntity<>(french), JsonNode.class);

        assertRefused(answer, "parameter", "page");
        assertThat(answer.getBody().at("/errors/0/message").asString()).isEqualTo("must be greater than or equal to 0");
    }

    /** No read takes a list: a parameter given twice is refused, never joined to the first or dropped. */
    @Test
    void refusesAQueryParameterGivenTwice() {
        ResponseEntity<JsonNode> answer = get("/api/devices?state=READY&state={value}", "ALLOCATED");
        assertRefused(answer, "parameter", "state");
        assertThat(answer.getBody().at("/errors/0/message").asString()).isEqualTo("is given more than once");
        assertRefused(get("/api/erasure-register?serial=WD1&serial={value}", "WD1"), "parameter", "serial");
    }

    /**
     * A parameter the operation does not read (a misspelt filter) is refused, not ignored with every device answered;
     * a search's filters bound as one record are its parameters, and so are the multipart fields an upload reads.
     */
    @Test
    void refusesAQueryParameterTheApiDoesNotReadNamingIt() {
        ResponseEntity<JsonNode> misspelt = get("/api/devices?stat={value}", "READY");
        assertRefused(misspelt, "parameter", "stat");
        assertThat(misspelt.getBody().at("/errors/0/message").asString())
                .isEqualTo("is not a parameter of this request");
        assertRefused(get("/api/erasure-register?seriel={value}", "WD1"), "parameter", "seriel");

        assertThat(get("/api/devices?state={value}&page=0&size=5", "READY").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("/api/erasure-register?serial={value}&outcome=SANITISED", "WD1").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /**
     * A query whose bytes are no UTF-8 text (a lone byte, an encoded surrogate) cannot be read into parameters at all:
     * 400 naming the parameter through the API, the refusal's page for a browser, wherever on the pages it is sent.
     */
    @Test
    void refusesAQueryThatIsNoUtf8Text() throws Exception {
        for (String query : List.of("q=%FF", "state=READY&q=a%ED%A0%80", "lang=%C3")) {
            String parameter = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
            RawHttp.Answer api = RawHttp.send(port, "GET", "/api/devices?" + query,
                    Map.of("Authorization", TestAccounts.authorization()), null);
            assertThat(api.status()).isEqualTo(400);
            assertThat(api.head()).containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = readJson(api.body());
            assertThat(problem.at("/errors/0/parameter").asString()).isEqualTo(parameter);
            assertThat(problem.at("/errors/0/message").asString()).isEqualTo("is not UTF-8 text");

            RawHttp.Answer page = RawHttp.send(port, "GET", "/verification?" + query,
                    Map.of("Accept", "text/html"), null);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("<title>Demande refusée — Ordinateurs solidaires</title>");
        }
    }

    /**
     * An identifier or a whole number is read in one form only, as from a JSON body: {@code UUID.fromString} took
     * {@code 1-2-3-4-5} for another id, and a page number could be written in hexadecimal, with a sign or spaces.
     */
    @Test
    void readsIdentifiersAndWholeNumbersInOneFormOnly() throws Exception {
        Map<String, String> refused = Map.of("/api/devices?page=0x10", "page", "/api/devices?page=%2310", "page",
                "/api/devices?size=%2B5", "size", "/api/devices?size=%205", "size", "/api/devices?page=1e1", "page",
                "/api/erasure-register?deviceId=1-2-3-4-5", "deviceId", "/api/devices/1-2-3-4-5", "deviceId");
        assertEachRefused(refused, "/errors/0/parameter");
        // written right, but beyond what a page number holds: said so with the operation's own bounds, not the int's
        Map<String, String> tooFar = Map.of(
                "/api/devices?page=1099511627776", "must be a whole number from 0 to 100000",
                "/api/devices?size=-1099511627776", "must be a whole number from 1 to 500");
        assertEachRefused(tooFar, "/errors/0/message");
        for (String read : List.of("/api/devices?page=0&size=5", "/api/devices?page=-0&size=05",
                "/api/erasure-register?deviceId=" + UUID.randomUUID().toString().toUpperCase())) {
            assertThat(RawHttp.send(port, "GET", read, Map.of("Authorization", TestAccounts.authorization()), null)
                              .status()).as(read).isEqualTo(200);
        }
    }

    /** Each read refused 400, with {@code expected}'s value at {@code pointer} in its problem. */
    private void assertEachRefused(Map<String, String> expected, String pointer) {
        for (Map.Entry<String, String> query : expected.entrySet()) {
            RawHttp.Answer answer = RawHttp.send(port, "GET", query.getKey(),
                    Map.of("Authorization", TestAccounts.authorization()), null);
            assertThat(answer.status()).as(query.getKey()).isEqualTo(400);
            assertThat(readJson(answer.body()).at(pointer).asString()).as(query.getKey())
                    .isEqualTo(query.getValue());
        }
    }

    /** An optional parameter given empty is refused, not taken as a name nothing has (a 404 that misleads). */
    @Test
    void refusesAnOptionalParameterGivenEmpty() {
        for (String empty : List.of("", "   ")) {
            ResponseEntity<JsonNode> delivery = get("/api/donors/" + UUID.randomUUID()
                                                    + "/sanitisation-certificate.pdf?delivery={value}", empty);
            assertRefused(delivery, "parameter", "delivery");
            assertThat(delivery.getBody().at("/errors/0/message").asString()).startsWith("must not be empty");
        }
        ResponseEntity<JsonNode> sequence = http.withBasicAuth(TestAccounts.STAFF, TestAccounts.PASSWORD).exchange(
                "/api/dead-letters/inventory/retry?sequenceId=", HttpMethod.POST, null, JsonNode.class);
        assertRefused(sequence, "parameter", "sequenceId");
    }

    /** A change asked of the API by a client that takes no JSON is refused before it runs (AnswersInJsonIT). */
    @Test
    void aChangeWhoseAnswerTheClientRefusesIsNotRun() {
        RawHttp.Answer refused = RawHttp.send(port, "POST", "/api/read-models/no-such-read-model/rebuild",
                Map.of("Authorization", TestAccounts.authorization(TestAccounts.ADMIN), "Accept", "text/html"), null);
        assertThat(refused.status()).isEqualTo(406);
    }

    /**
     * A page's filter refused (a search term with a control character or too long, a filter given twice, a state
     * that is none) is named with the rule it broke, in the reader's words: which one to change, not only that
     * something was wrong. A value of the path is the address itself, and named as such.
     */
    @Test
    void aPageNamesTheFilterItRefuses() throws Exception {
        FormBrowser browser = new FormBrowser(port);
        assertThat(browser.signIn(TestAccounts.STAFF, TestAccounts.PASSWORD).statusCode()).isEqualTo(302);
        Map<String, String> named = Map.of(
                "/inventaire?q=WD%001", "« Recherche » : caractère non accepté ici",
                "/inventaire?q=" + "W".repeat(2001), "« Recherche » : trop long.",
                "/inventaire?state=READY&state=ALLOCATED", "« État » : donné plusieurs fois",
                "/inventaire?state=NOPE", "« État » : valeur incorrecte.",
                "/inventaire?page=deux", "« Page » : valeur incorrecte.",
                "/registre-des-effacements?serial=WD%1B1", "« Numéro de série » : caractère non accepté ici",
                "/inventaire?q=a%ED%A0%80", "« Recherche » : n&#39;est pas du texte UTF-8",
                "/registre-des-effacements.csv?from=x", "« Du » : valeur incorrecte.");
        for (Map.Entry<String, String> refused : named.entrySet()) {
            HttpResponse<String> page = browser.get(refused.getKey());
            assertThat(page.statusCode()).as(refused.getKey()).isEqualTo(400);
            assertThat(page.body()).as(refused.getKey())
                                   .contains("<title>Demande refusée — Ordinateurs solidaires</title>")
                                   .contains(refused.getValue());
        }
        // a name of the caller's making is not repeated on the programme's page: a link could make it say anything
        HttpResponse<String> made = browser.get("/inventaire?Appelez_le_0800_000_000=1&Appelez_le_0800_000_000=2");
        assertThat(made.statusCode()).isEqualTo(400);
        assertThat(made.body()).contains("Une valeur de l&#39;adresse : donné plusieurs fois")
                               .doesNotContain("Appelez");
        HttpResponse<String> address = browser.get("/appareils/pas-un-identifiant");
        assertThat(address.statusCode()).isEqualTo(400);
        assertThat(address.body()).contains("La demande n&#39;est pas valable").doesNotContain("class=\"refus\"");
    }

    /**
     * An address the security firewall refuses (an encoded dot segment or percent, a path parameter): the API says
     * so as a problem, a browser on the pages is shown the refusal's page, in French, not JSON. (An encoded slash is
     * refused by Tomcat itself, before any page can be drawn: problem+json for every client.)
     */
    @Test
    void refusesAnAddressTheFirewallRefusesAsAPageToABrowser() throws Exception {
        for (String path : List.of("/appareils/%2e%2e", "/inventaire;x=1", "/inventaire/%252e")) {
            RawHttp.Answer page = RawHttp.send(port, "GET", path,
                    Map.of("Accept", "text/html,application/xhtml+xml", "Accept-Language", "fr"), null);
            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.head()).as(path).containsIgnoringCase("Content-Type: text/html");
            assertThat(page.body()).as(path).contains("<title>Demande refusée — Ordinateurs solidaires</title>");
        }
        RawHttp.Answer api = RawHttp.send(port, "GET", "/api/devices/%2e%2e",
                Map.of("Accept", "text/html", "Authorization", TestAccounts.authorization()), null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.head()).containsIgnoringCase("Content-Type: application/problem+json");
    }

    /**
     * A C1 control character in a header (byte 0x85, which Tomcat lets through and the firewall refuses), from a
     * browser on the pages: the refusal's page. Its error page was refused again for the same header, and the
     * browser got an empty answer.
     */
    @Test
    void refusesAControlCharacterInAHeaderAsAPageToABrowser() {
        for (String header : List.of("X-Note", "Accept-Language", "User-Agent")) {
            RawHttp.Answer page = RawHttp.send(port, "GET", "/login",
                    Map.of("Accept", "text/html", header, "cam\u0085ille"), null);
            assertThat(page.status()).as(header).isEqualTo(400);
            assertThat(page.body()).as(header).contains("<title>Demande refusée — Ordinateurs solidaires</title>");
        }
        // in the Accept header itself, left out of what the error page reads: it cannot tell a browser, and answers
        // as to any client
        RawHttp.Answer accept = RawHttp.send(port, "GET", "/login", Map.of("Accept", "text/html, cam\u0085ille"), null);
        assertThat(accept.status()).isEqualTo(400);
        assertThat(accept.body()).contains("\"status\":400");
    }

    /** A query the server cannot read for another reason (a malformed escape) is refused too, naming no parameter. */
    @Test
    void refusesAQueryThatCannotBeReadIntoParameters() throws Exception {
        RawHttp.Answer api = RawHttp.send(port, "GET", "/api/devices?q=%ZZ", Map.of("Authorization",
                TestAccounts.authorization()), null);
        assertThat(api.status()).isEqualTo(400);
        assertThat(readJson(api.body()).get("detail").asString()).isEqualTo("the query cannot be read into parameters");
    }

    @Test
    void refusesAFormFieldNamingIt() {
        for (String control : CONTROL) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            var form = new LinkedMultiValueMap<String, Object>();
            form.add("file", new ByteArrayResource("%PDF-1.7".getBytes()) {
                @Override
                public String getFilename() {
                    return "certificate.pdf";
                }
            });
            form.add("note", "copy" + control);

            assertRefused(http.postForEntity("/api/documents/verification", new HttpEntity<>(form, headers),
                    JsonNode.class), "parameter", "note");
        }
    }

    /** An upload without its file (here sent under another name) names the part it needs. */
    @Test
    void refusesAnUploadWithoutItsFileNamingThePart() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("fichier", new ByteArrayResource("%PDF-1.7".getBytes()) {
            @Override
            public String getFilename() {
                return "certificate.pdf";
            }
        });

        ResponseEntity<JsonNode> refused = http.postForEntity("/api/documents/verification",
                new HttpEntity<>(form, headers), JsonNode.class);
        assertRefused(refused, "part", "file");
        assertThat(refused.getBody().at("/errors/0/message").asString()).isEqualTo("is required");
    }

    /** Two copies sent to be checked at once: only the first would be, and the answer would seem to judge both. */
    @Test
    void refusesAnUploadWithItsFileTwiceNamingThePart() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        var form = new LinkedMultiValueMap<String, Object>();
        for (String name : List.of("forged.pdf", "genuine.pdf")) {
            form.add("file", new ByteArrayResource("%PDF-1.7".getBytes()) {
                @Override
                public String getFilename() {
                    return name;
                }
            });
        }

        ResponseEntity<JsonNode> refused = http.postForEntity("/api/documents/verification",
                new HttpEntity<>(form, headers), JsonNode.class);
        assertRefused(refused, "part", "file");
        assertThat(refused.getBody().at("/errors/0/message").asString()).isEqualTo("is given more than once");
    }

    /** An empty copy is no copy: checking it is refused, whichever way it comes, rather than answered not genuine. */
    @Test
    void refusesToCheckAnEmptyCopy() {
        HttpHeaders pdf = new HttpHeaders();
        pdf.setContentType(MediaType.APPLICATION_PDF);
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        var form = new LinkedMultiValueMap<String, Object>();
        form.add("file", new ByteArrayResource(new byte[0]) {
            @Override
            public String getFilename() {
                return "certificate.pdf";
            }
        });

        for (HttpEntity<?> empty : List.of(new HttpEntity<>(new byte[0], pdf), new HttpEntity<>(form, multipart))) {
            ResponseEntity<JsonNode> refused = http.postForEntity("/api/documents/verification", empty, JsonNode.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().get("detail").asString()).startsWith("the upload is empty");
        }
    }

    /** A form of more parts than the server takes is refused saying so: it was said to be too large, at 30 KB. */
    @Test
    void refusesAFormOfMorePartsThanTheServerTakesSayingSo() {
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        var form = new LinkedMultiValueMap<String, Object>();
        for (int part = 0; part < 60; part++) {
            form.add("x" + part, "1");
        }
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/documents/verification",
                new HttpEntity<>(form, multipart), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(refused.getBody().get("detail").asString()).isEqualTo("the form has more parts than the server"
                                                                         + " takes (50 fields and files together)");
    }

    /** A multipart body without its boundary is the client's fault wherever it is sent: 400, never a 500. */
    @Test
    void aMultipartBodyThatCannotBeReadIsRefused() {
        HttpHeaders broken = new HttpHeaders();
        broken.setContentType(MediaType.MULTIPART_FORM_DATA); // no boundary
        ResponseEntity<JsonNode> refused = http.postForEntity("/api/documents/verification",
                new HttpEntity<>("--x\r\nContent-Disposition: form-data; name=\"copy\"", broken), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ResponseEntity<JsonNode> probe = http.exchange("/actuator/health/liveness", HttpMethod.GET,
                new HttpEntity<>(broken), JsonNode.class);
        assertThat(probe.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(probe.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Tomcat refuses a control character in a header, or headers beyond its limit, before the app sees them. */
    @Test
    void refusesMalformedHeadersAsProblems() throws Exception {
        String referral = "/api/referrals/" + UUID.randomUUID();
        for (String control : CONTROL) {
            RawHttp.assertRefusedByTheServer(RawHttp.send(port, "GET", referral, Map.of("X-Note", "cam" + control),
                    null));
        }
        RawHttp.assertRefusedByTheServer(RawHttp.send(port, "GET", referral, Map.of("X-Note", "n".repeat(20_000)),
                null)); // beyond the server's limit for all headers together
    }

    /** As a browser asks, accepting anything: a CSV or PDF endpoint's refusal comes back as problem+json. */
    private ResponseEntity<JsonNode> get(String template, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.ALL));
        ResponseEntity<String> answer = http.exchange(template, HttpMethod.GET, new HttpEntity<>(headers), String.class,
                value);
        return new ResponseEntity<>(readJson(answer.getBody()), answer.getHeaders(), answer.getStatusCode());
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            throw new AssertionError("not JSON: " + body, notJson);
        }
    }

    private static void assertRefused(ResponseEntity<JsonNode> answer, String kind, String name) {
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().at("/errors/0/" + kind).asString()).isEqualTo(name);
        assertThat(answer.getBody().at("/errors/0/message").asString()).isNotBlank();
    }
}
