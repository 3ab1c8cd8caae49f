package org.ordinateurssolidaires.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordinateurssolidaires.command.CommandSideIntegrationTest;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body the app cannot read is the caller's mistake, answered as one with a line in the log: a Content-Type that
 * names no type (Spring failed on it with a 500), a form the container cannot parse (it logged two stack traces for
 * each, anyone's).
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreadableBodiesIT extends CommandSideIntegrationTest {

    private static final String DEVICE = """
            {"assetTag": "UB-0001", "donorId": "6f1d3c2a-9b7e-4c1d-8a2f-0e5b7c9d1a23", "category": "LAPTOP",
             "manufacturer": "Lenovo", "model": "T480", "serialNumber": "UB-SN-1", "storageMedia": []}""";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBodyOfNoNamedTypeIsRefused415(CapturedOutput log) throws Exception {
        for (String type : new String[]{"*/*", "application/*", "text/*"}) {
            HttpResponse<String> answer = send("/api/devices", type, DEVICE);

            JsonNode problem = problem(answer, 415);
            assertThat(problem.get("detail").asString()).as(type).contains("Content-Type names no type");
        }
        assertThat(log.getOut()).doesNotContain(" ERROR ").contains("Refused POST /api/devices: the body's");
    }

    /**
     * Read as a form, the JSON was refused as parameters the operation does not take (a 400 naming the body); a
     * form's fields in parts, as an HTML form with a file sends them, were "a is not a parameter of this request".
     */
    @Test
    void aJsonBodySentAsAFormIsRefused415() throws Exception {
        HttpResponse<String> answer = send("/api/devices", "application/x-www-form-urlencoded", DEVICE);
        HttpResponse<String> inParts = send("/api/donors", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"legalName\"\r\n\r\nMairie\r\n--b--\r\n");

        JsonNode problem = problem(answer, 415);
        assertThat(problem.get("detail").asString()).contains("application/x-www-form-urlencoded");
        assertThat(answer.headers().firstValue("Accept")).hasValue("application/json");
        assertThat(problem(inParts, 415).get("detail").asString()).contains("multipart/form-data");
        assertThat(inParts.headers().firstValue("Accept")).hasValue("application/json");
    }

    /**
     * YAML was read into the same records past every rule of the JSON reader (a NUL in a donor's name, a key given
     * twice, an unknown one): a body in a notation other than JSON is refused, and an answer asked in one.
     */
    @Test
    void aBodyInAnotherNotationThanJsonIsRefused415() throws Exception {
        String donor = "legalName: \"Evil\\u202eSA\\u0000\"\nkind: COMPANY\nsiret: \"73282932000074\"\n"
                       + "contactPerson: x\ncontactEmail: y@example.org\nbogus: 1\n";
        for (String type : new String[]{"application/yaml", "application/x-yaml", "text/yaml", "application/xml"}) {
            HttpResponse<String> answer = send("/api/donors", type, donor);

            JsonNode problem = problem(answer, 415);
            assertThat(problem.get("detail").asString()).as(type).contains(type);
            assertThat(answer.headers().firstValue("Accept")).as(type).hasValueSatisfying(
                    accepted -> assertThat(accepted).doesNotContain("yaml", "xml"));
        }
        HttpResponse<String> inYaml = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/accounts"))
                .header("Authorization", TestAccounts.authorization(TestAccounts.ADMIN))
                .header("Accept", "application/yaml").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inYaml.statusCode()).isEqualTo(406);
    }

    /** The coding was ignored: a body said to be gzip was read as it came, and its command recorded. */
    @Test
    void aBodySentWithAContentEncodingIsRefused415(CapturedOutput log) throws Exception {
        for (String coding : new String[]{"gzip", "GZIP", "identity, br", "x-unknown"}) {
            HttpResponse<String> answer = send("/api/devices", "application/json", DEVICE, coding);

            JsonNode problem = problem(answer, 415);
            assertThat(problem.get("detail").asString()).as(coding).contains("Content-Encoding");
            assertThat(answer.headers().firstValue("Accept-Encoding")).as(coding).hasValue("identity");
        }
        HttpResponse<String> named = send("/api/devices", "application/json", DEVICE, "Identity");
        assertThat(named.statusCode()).as("a body said to be sent as it is, read").isNotEqualTo(415);
        assertThat(log.getOut()).doesNotContain(" ERROR ").contains("Refused POST /api/devices: the body is sent with");
    }

    /**
     * The actuator's addresses are no operation of the app's: its health, anyone's, failed on a type that names
     * none with a 500; such a type says nothing, and the sign-in and the rules answer as they would without it.
     */
    @Test
    void aTypeThatNamesNoneIsReadAsNoneAtTheActuator(CapturedOutput log) throws Exception {
        assertThat(actuator("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(actuator("/actuator/prometheus", null).statusCode()).as("anyone").isEqualTo(401);
        assertThat(actuator("/actuator/prometheus", TestAccounts.authorization()).statusCode()).as("staff")
                .isEqualTo(403);
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    private HttpResponse<String> actuator(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                 .header("Accept", "application/json").header("Content-Type", "*/*");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Found by an outside probe: an account whose role may not record a device was told its gzip body was the
     * problem. It gets 403 whatever it sent, as docs/security.md says; a type the address takes from nobody aside,
     * which names the types it takes (a delivery's file: text/csv).
     */
    @Test
    void aRoleThatMayNotCallTheOperationIsRefused403WhateverItsBody() throws Exception {
        String admin = TestAccounts.authorization(TestAccounts.ADMIN); // accounts only: no device
        HttpResponse<String> coded = send("/api/devices", "application/json", DEVICE, "gzip", admin);
        HttpResponse<String> noType = send("/api/devices", "*/*", DEVICE, null, admin);
        HttpResponse<String> delivery = send("/api/donors/6f1d3c2a-9b7e-4c1d-8a2f-0e5b7c9d1a23/batches"
                + "?reference=LIV-1&receivedAt=2026-03-02T09:00:00Z", "*/*", "asset_tag\n", null, admin);

        problem(coded, 403);
        problem(noType, 403);
        assertThat(problem(delivery, 415).get("detail").asString()).contains("text/csv")
                .doesNotContain("application/json");
    }

    @Test
    void aFormTheContainerCannotParseIsRefused400(CapturedOutput log) throws Exception {
        HttpResponse<String> noBoundary = send("/login", "multipart/form-data", "username=someone");
        HttpResponse<String> cutShort = send("/actions/orientations", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"commandId\"\r\n\r\nno end");

        problem(noBoundary, 400);
        problem(cutShort, 400);
        assertThat(log.getOut()).doesNotContain(" ERROR ", "FileUploadException")
                                .contains("Refused POST /login: the body cannot be read");
    }

    /** Found by an outside probe: a form's field of 3 MB was "Demande refusée", as if the form could not be read. */
    @Test
    void aFormLargerThanTheServerTakesIsRefused413(CapturedOutput log) throws Exception {
        String field = "a".repeat(3 * 1024 * 1024);
        HttpResponse<String> asFields = send("/actions/orientations", "application/x-www-form-urlencoded",
                "commandId=" + java.util.UUID.randomUUID() + "&notes=" + field);
        HttpResponse<String> asParts = send("/actions/orientations", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"notes\"\r\n\r\n" + field + "\r\n--b--\r\n");

        assertThat(problem(asFields, 413).get("detail").asString()).contains("form's fields");
        assertThat(problem(asParts, 413).get("detail").asString()).contains("form's fields");
        assertThat(log.getOut()).doesNotContain(" ERROR ");
    }

    private HttpResponse<String> send(String path, String contentType, String body) throws Exception {
        return send(path, contentType, body, null);
    }

    private HttpResponse<String> send(String path, String contentType, String body, String coding) throws Exception {
        return send(path, contentType, body, coding, TestAccounts.authorization());
    }

    private HttpResponse<String> send(String path, String contentType, String body, String coding,
                                      String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                 .header("Authorization", authorization)
                                                 .header("Accept", "application/json")
                                                 .header("Content-Type", contentType);
        if (coding != null) {
            request.header("Content-Encoding", coding);
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}
