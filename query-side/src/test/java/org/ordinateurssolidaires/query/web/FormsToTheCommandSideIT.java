package org.ordinateurssolidaires.query.web;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ordinateurssolidaires.query.QuerySideIntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay of the pages' forms, against a command side that answers as the real one can: its redirection comes
 * back as it is, with its cookie; a session that ended sends the browser to sign in again; a refusal of the
 * request is the pages' error page, not the command side's JSON; a form larger than the command side takes is
 * refused here without being sent.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// its context (relaying to the stand-in) is this class's alone: closed after it rather than left running beside the
// shared one
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class FormsToTheCommandSideIT extends QuerySideIntegrationTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer COMMAND_SIDE = commandSide();

    @Value("${local.server.port}")
    int port;

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @DynamicPropertySource
    static void relayedToTheFakeCommandSide(DynamicPropertyRegistry registry) {
        registry.add("ordinateurs.web.command-side-url",
                () -> "http://127.0.0.1:" + COMMAND_SIDE.getAddress().getPort());
        registry.add("ordinateurs.web.largest-form", () -> "1KB");
    }

    @AfterAll
    static void stop() {
        COMMAND_SIDE.stop(0);
    }

    @Test
    void passesTheRedirectionAndTheCookieBackAsTheyAre() throws Exception {
        HttpResponse<String> answer = post("/actions/recorded", "workDone=cleaned");

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValue("/appareils/42");
        assertThat(answer.headers().allValues("Set-Cookie")).contains("SESSION=abc; Path=/; HttpOnly");
        assertThat(RECEIVED).contains("/actions/recorded workDone=cleaned");
    }

    @Test
    void sendsABrowserWhoseSessionEndedToSignInAgain() throws Exception {
        HttpResponse<String> answer = post("/actions/expired", "workDone=cleaned");

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
    }

    @Test
    void answersARefusalOfTheRequestWithThePagesErrorPage() throws Exception {
        HttpResponse<String> answer = post("/actions/refused", "workDone=cleaned");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(answer.body()).contains("Accès refusé").doesNotContain("problem", "Forbidden");
    }

    @Test
    void refusesAFormLargerThanTheCommandSideTakesWithoutSendingIt() throws Exception {
        RECEIVED.clear();
        HttpResponse<String> answer = post("/actions/recorded", "x=" + "a".repeat(2048));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("Envoi trop volumineux");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as("the relay's own page is a page")
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'"));
        assertThat(RECEIVED).isEmpty();
    }

    /** A form sent without its length (chunked) is relayed as it streams, and cut off once past the largest. */
    @Test
    void refusesAFormSentWithoutItsLengthOnceItRunsPastTheLargest() throws Exception {
        assertThat(postChunked("/actions/recorded", "workDone=cleaned").statusCode()).isEqualTo(303);

        HttpResponse<String> answer = postChunked("/actions/recorded", "x=" + "a".repeat(64 * 1024));

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("Envoi trop volumineux");
    }

    /** The relay built the command side's address from the query as sent: a broken escape failed it with a 500. */
    @Test
    void refusesAFormWhoseAddressCannotBeRead(CapturedOutput log) throws Exception {
        RECEIVED.clear();
        for (String query : List.of("a=%zz", "a=%", "a=%u0041", "%")) {
            String form = "workDone=cleaned";
            String answer = sentAsIs("/actions/recorded?" + query, form.length(), form);

            assertThat(answer).as(query).startsWith("HTTP/1.1 400").contains("Demande refusée");
        }
        assertThat(RECEIVED).isEmpty();
        assertThat(log.getOut()).doesNotContain(" ERROR ", "Exception").contains("its query is no address");
    }

    /**
     * A form whose sender stopped before the length it announced is the sender's broken request, not the command
     * side's failure: it was answered 500 and logged as the command side not answering.
     */
    @Test
    void refusesAFormCutShortByItsSender(CapturedOutput log) throws Exception {
        String answer = sentAsIs("/actions/recorded", 500, "workDone=cleaned&notes=cut+short");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("Demande refusée");
        assertThat(log.getOut()).doesNotContain(" ERROR ", "did not answer")
                                .contains("its sender stopped before the end of the form");
    }

    /**
     * The same, sent by a client that asks for JSON: the container's error page, after the page drawn for the
     * refusal, could not write its problem over the page's type, and answered 500.
     */
    @Test
    void refusesAFormCutShortByAClientOfTheApi(CapturedOutput log) throws Exception {
        String answer = sentAsIs("/actions/recorded", 500, "workDone=cleaned&notes=cut+short", "application/json");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                          .contains("\"status\":400");
        assertThat(log.getOut()).doesNotContain(" ERROR ", "did not answer", "NotWritable");
    }

    /** A form sent as written, whatever its address and announced length, then the end of the sending. */
    private String sentAsIs(String target, int length, String form) throws IOException {
        return sentAsIs(target, length, form, "text/html");
    }

    private String sentAsIs(String target, int length, String form, String accepted) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: " + accepted
                       + "\r\nConnection: close\r\n"
                       + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + length + "\r\n\r\n"
                       + form).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // the last: it stops the command side
    void saysTheCommandSideIsDownWithAPageToComeBackTo() throws Exception {
        COMMAND_SIDE.stop(0);
        HttpResponse<String> answer = post("/actions/recorded", "workDone=cleaned");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(answer.body()).contains("Momentanément indisponible", "Réessayez dans quelques minutes");
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                       .header("Content-Type", "application/x-www-form-urlencoded")
                                       .header("Accept", "text/html")
                                       .POST(HttpRequest.BodyPublishers.ofString(form))
                                       .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postChunked(String path, String form) throws Exception {
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                       .header("Content-Type", "application/x-www-form-urlencoded")
                                       .header("Accept", "text/html")
                                       .POST(HttpRequest.BodyPublishers.ofInputStream(
                                               () -> new ByteArrayInputStream(body)))
                                       .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Answers as the command side does: a redirection once recorded, 401 without a session, 403 refused. */
    private static HttpServer commandSide() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/actions/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                RECEIVED.add(path + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                switch (path) {
                    case "/actions/recorded" -> {
                        exchange.getResponseHeaders().add("Location", "/appareils/42");
                        exchange.getResponseHeaders().add("Set-Cookie", "SESSION=abc; Path=/; HttpOnly");
                        exchange.sendResponseHeaders(303, -1);
                    }
                    case "/actions/expired" -> exchange.sendResponseHeaders(401, -1);
                    default -> {
                        byte[] problem = "{\"title\":\"Forbidden\",\"status\":403}".getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                        exchange.sendResponseHeaders(403, problem.length);
                        exchange.getResponseBody().write(problem);
                    }
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
    }
}
