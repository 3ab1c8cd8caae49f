package org.ordinateurssolidaires.web;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.ordinateurssolidaires.web.security.PublicEndpoints;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What no controller advice handles, in an app with Spring MVC's defaults and this module: a fault escaping a
 * controller, an error sent below Spring MVC, a request Tomcat refuses itself. Each is answered as problem+json
 * with its status, and says nothing of the fault or of the request's bytes.
 */
@SpringBootTest(classes = ProblemJsonErrorsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // JDBC is on the classpath for the accounts, but this app has no database
        properties = "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class ProblemJsonErrorsTest {

    /** No component scan: the module's beans come only as the apps get them, from its auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class App {

        /** Anyone may call them: the refusals tested are the container's, not the security chain's. */
        @Bean
        PublicEndpoints publicEndpoints() {
            return new PublicEndpoints(List.of(PathPatternRequestMatcher.pathPattern("/fault"),
                    PathPatternRequestMatcher.pathPattern("/sent-error")));
        }

        @GetMapping("/fault")
        String fault() {
            throw new IllegalStateException("secret detail of a bug");
        }

        @GetMapping("/sent-error")
        void sentError(HttpServletResponse response) throws IOException {
            response.sendError(HttpServletResponse.SC_CONFLICT);
        }
    }

    @LocalServerPort
    int port;

    @Test
    void aFaultNoAdviceHandledIsA500ProblemWithoutItsMessage() throws IOException {
        String answer = send("GET /fault HTTP/1.0\r\n\r\n");
        assertProblem(answer, 500);
        assertThat(answer).doesNotContain("secret detail").contains("\"instance\":\"/fault\"");
    }

    @Test
    void theErrorPageAskedForByItsPathIsNotFound() throws IOException {
        assertProblem(send("GET /error HTTP/1.0\r\n\r\n"), 404);
    }

    @Test
    void anErrorSentBelowSpringMvcKeepsItsStatus() throws IOException {
        assertProblem(send("GET /sent-error HTTP/1.0\r\n\r\n"), 409);
    }

    @Test
    void aRequestTomcatRefusesItselfIsA400Problem() throws IOException {
        assertProblem(send("GET /fault HTTP/1.0\r\nX-Note: " + "n".repeat(20_000) + "\r\n\r\n"), 400);
        assertProblem(send("GET /fault HTTP/1.0\r\nX-Note: a\u0001b\r\n\r\n"), 400);
    }

    private static void assertProblem(String answer, int status) {
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(answer).contains("\"status\":" + status);
    }

    /** Byte for byte: no client library would send the malformed requests. */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
