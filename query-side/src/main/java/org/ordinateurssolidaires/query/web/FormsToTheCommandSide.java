package org.ordinateurssolidaires.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordinateurssolidaires.web.security.Access;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * One address for people (docs/architecture.md): the pages' forms, posted to {@code /actions/**} here, go on to the
 * command side as they came (body streamed, session cookie and CSRF token included), and its answer (a
 * redirection, with its session cookie) comes back as it is. The command side signs the sender in from the shared
 * session and checks everything itself; this app only relays, to that one address, and never reads the body.
 * <p>
 * Spring Cloud Gateway's server for Spring MVC would do this, but its line for Spring Boot 4 (2025.1.4) does not
 * start on Boot 4.1 ({@code NoClassDefFoundError: org/springframework/boot/http/client/HttpRedirects}); this relay
 * is the part of it the pages need, on the JDK's own HTTP client.
 */
@Controller
class FormsToTheCommandSide {

    private static final Logger log = LoggerFactory.getLogger(FormsToTheCommandSide.class);

    /** What a form's request says that the command side needs; hop-by-hop and length headers are the client's own. */
    private static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.COOKIE, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, "X-CSRF-TOKEN", "HX-Request", "HX-Current-URL");
    private static final List<String> RESPONSE_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.SET_COOKIE,
            HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL, HttpHeaders.RETRY_AFTER, "HX-Redirect");

    private final URI commandSide;
    private final Duration patience;
    private final DataSize largestForm;
    private final HttpClient http = HttpClient.newBuilder()
                                              .followRedirects(HttpClient.Redirect.NEVER)
                                              .connectTimeout(Duration.ofSeconds(2))
                                              .build();

    /**
     * @param patience    longer than the command side's slowest form (a delivery's file, 40 s)
     * @param largestForm the largest the command side takes (a tool's report or a delivery's file, and the fields)
     */
    FormsToTheCommandSide(@Value("${ordinateurs.web.command-side-url:http://127.0.0.1:8081}") URI commandSide,
                          @Value("${ordinateurs.web.form-timeout:60s}") Duration patience,
                          @Value("${ordinateurs.web.largest-form:21MB}") DataSize largestForm) {
        this.commandSide = commandSide;
        this.patience = patience;
        this.largestForm = largestForm;
    }

    /**
     * Anyone may send a form here: the command side, which records it, decides who may. Its redirection comes back as
     * it is; a refusal of the request itself (no longer signed in, a form from another site, an address that is no
     * form) comes back as the pages' error page, never as the command side's JSON.
     */
    @PostMapping("/actions/**")
    @PreAuthorize(Access.ANYONE)
    ModelAndView relay(HttpServletRequest request, HttpServletResponse response)
            throws IOException, InterruptedException {
        if (request.getContentLengthLong() > largestForm.toBytes()) {
            return PageErrors.page(HttpStatus.CONTENT_TOO_LARGE); // refused here: the command side would refuse it too
        }
        URI address;
        try {
            address = commandSide.resolve(request.getRequestURI()
                                          + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        } catch (IllegalArgumentException unreadable) { // a broken escape (%zz): no address to send it to
            log.info("Refused POST {}: its query is no address (a broken escape)", request.getRequestURI());
            return PageErrors.page(HttpStatus.BAD_REQUEST);
        }
        Counted sent = new Counted(request.getInputStream(), largestForm.toBytes());
        HttpRequest.Builder upstream = HttpRequest.newBuilder(address)
                .timeout(patience)
                .POST(body(sent, request.getContentLengthLong()))
                .header("X-Forwarded-For", request.getRemoteAddr())
                .header("X-Forwarded-Proto", request.getScheme());
        REQUEST_HEADERS.forEach(name -> {
            String value = request.getHeader(name);
            if (value != null) {
                upstream.header(name, value);
            }
        });
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(upstream.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException unreachable) {
            if (sent.tooLarge) {
                return PageErrors.page(HttpStatus.CONTENT_TOO_LARGE); // sent without its length, and cut off
            }
            if (sent.cutShort) {
                log.info("Refused POST {}: its sender stopped before the end of the form", request.getRequestURI());
                return PageErrors.page(HttpStatus.BAD_REQUEST);
            }
            log.warn("The command side at {} did not answer a form: {}", commandSide, unreachable.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            return PageErrors.page(HttpStatus.SERVICE_UNAVAILABLE);
        }
        try (InputStream body = answer.body()) {
            if (answer.statusCode() == HttpStatus.UNAUTHORIZED.value()) {
                return new ModelAndView("redirect:/login"); // the session ended meanwhile: sign in again
            }
            if (answer.statusCode() >= 400) {
                answer.headers().firstValue(HttpHeaders.RETRY_AFTER)
                      .ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
                HttpStatus refused = HttpStatus.resolve(answer.statusCode());
                return PageErrors.page(refused == null ? HttpStatus.BAD_GATEWAY : refused);
            }
            response.setStatus(answer.statusCode());
            RESPONSE_HEADERS.forEach(name -> answer.headers().allValues(name)
                                                  .forEach(value -> response.addHeader(name, value)));
            body.transferTo(response.getOutputStream());
        }
        return null; // answered above
    }

    private static HttpRequest.BodyPublisher body(InputStream sent, long length) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> sent);
        return length < 0 ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, length);
    }

    /**
     * A form's body as it is relayed, cut off past the largest form: one sent without its length (chunked) is only
     * found too large as it streams, and the command side, refusing it midway, may close the connection before its
     * answer is read. Cut off here, it is answered 413, as one whose length said so.
     */
    private static final class Counted extends FilterInputStream {

        private final long largest;
        private long read;
        private volatile boolean tooLarge;
        /** The sender's side failed as the form was read (it stopped before the length it gave). */
        private volatile boolean cutShort;

        Counted(InputStream body, long largest) {
            super(body);
            this.largest = largest;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return count < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            int count;
            try {
                count = super.read(into, offset, length);
            } catch (IOException senderFailed) {
                cutShort = true;
                throw senderFailed;
            }
            counted(Math.max(count, 0));
            return count;
        }

        private void counted(int bytes) throws IOException {
            read += bytes;
            if (read > largest) {
                tooLarge = true;
                throw new IOException("the form is larger than " + largest + " bytes");
            }
        }
    }
}
