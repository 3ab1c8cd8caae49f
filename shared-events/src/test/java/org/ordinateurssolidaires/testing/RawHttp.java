package org.ordinateurssolidaires.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP/1.0 request written byte for byte, header values in ISO-8859-1 as servers read them: what a
 * well-behaved client refuses to send (a control character in a header), as an attacker sends it.
 */
public final class RawHttp {

    /** The status and the body of the answer; the server closes the connection after it (HTTP/1.0). */
    public record Answer(int status, String head, String body) {
    }

    private RawHttp() {
    }

    /**
     * The answer the servlet container gives by itself to a request that breaks HTTP (a header too large, a
     * control character in one), before the app sees it: 400 as problem+json, like every answer of the API.
     */
    public static void assertRefusedByTheServer(Answer answer) throws IOException {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).contains("HTTP's rules");
    }

    public static Answer send(int port, String method, String path, Map<String, String> headers, String jsonBody) {
        byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        if (jsonBody != null) { // JSON, unless the request says what it sends: one Content-Type, as a client sends
            if (headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
                request.append("Content-Type: application/json\r\n");
            }
            request.append("Content-Length: ").append(body.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, end < 0 ? "" : text.substring(end + 4));
        } catch (IOException unreachable) {
            throw new UncheckedIOException(unreachable);
        }
    }
}
