package org.ordinateurssolidaires.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.ordinateurssolidaires.testing.RawHttp;
import org.ordinateurssolidaires.web.testing.TestAccounts;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read is answered in a type its caller takes: a type refused with {@code q=0} is refused, as HTTP says, and JSON
 * is never labelled with another JSON type (an error's), which the caller would read as what it is not.
 */
class AnswersAsAcceptedIT extends QuerySideIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aReadWhoseAnswerTheCallerRefusesIsRefused() throws IOException {
        for (String accept : new String[]{"application/json;q=0", "*/*;q=0", "text/html;q=1, application/json;q=0",
                "application/problem+json", "application/vnd.other+json", "application/json;q=0, */*"}) {
            RawHttp.Answer refused = read("/api/devices/counts", accept);
            assertThat(refused.status()).as(accept).isEqualTo(406);
            assertThat(refused.head()).as(accept).containsIgnoringCase("Content-Type: application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(refused.body());
            assertThat(problem.get("detail").asText()).as(accept).contains("application/json")
                                                      .doesNotContain("+json");
        }
        assertThat(read("/api/erasure-register.csv", "text/csv;q=0").status()).isEqualTo(406);
        assertThat(read("/api/erasure-register.csv", "application/json").status()).isEqualTo(406);
    }

    @Test
    void aReadTheCallerTakesIsAnsweredInJsonOrWhatItNames() throws IOException {
        for (String accept : new String[]{"application/json", "*/*", "application/*", "text/html, */*;q=0.1",
                "text/html, application/json;q=0.1", "application/json;charset=utf-8"}) {
            RawHttp.Answer answered = read("/api/devices/counts", accept);
            assertThat(answered.status()).as(accept).isEqualTo(200);
            assertThat(answered.head()).as(accept).containsIgnoringCase("Content-Type: application/json");
        }
        for (String accept : new String[]{"text/csv", "*/*", "text/*, application/json;q=0"}) {
            RawHttp.Answer answered = read("/api/erasure-register.csv", accept);
            assertThat(answered.status()).as(accept).isEqualTo(200);
            assertThat(answered.head()).as(accept).containsIgnoringCase("Content-Type: text/csv");
        }
    }

    /** Found by an outside probe: JSON asked as application/json;version=2 was labelled so, a version there is not. */
    @Test
    void anAnswerIsLabelledWithItsOwnTypeNotTheParametersOfTheRangeItMatched() throws IOException {
        for (String path : new String[]{"/api/devices/counts", "/api/devices?size=1"}) {
            RawHttp.Answer answered = read(path, "application/json;version=2");
            assertThat(answered.status()).as(path).isEqualTo(200);
            assertThat(answered.head()).as(path).containsIgnoringCase("Content-Type: application/json\r\n")
                                       .doesNotContain("version");
        }
        assertThat(read("/api/erasure-register.csv", "text/csv;header=present").head())
                .containsPattern("(?i)Content-Type: text/csv(;charset=UTF-8)?\r\n");
    }

    private RawHttp.Answer read(String path, String accept) throws IOException {
        return RawHttp.send(port, "GET", path, Map.of("Accept", accept, "Authorization",
                TestAccounts.authorization()), null);
    }
}
