package org.ordinateurssolidaires.web.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as an app's login form and pages meet it: it keeps its cookies (the session), follows no redirect, asks
 * for HTML and sends forms with the CSRF token a page gave it.
 */
public final class FormBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                                .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public FormBrowser(int port) {
        this.port = port;
    }

    /** Signs in on the login form, with the token the form carries; the answer is the form's redirect. */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", password);
        form.put("_csrf", csrf(get("/login").body()));
        return post("/login", form);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return send(formSent(path, form));
    }

    /** A form whose answer is a file (a PDF). */
    public HttpResponse<byte[]> postForBytes(String path, Map<String, String> form)
            throws IOException, InterruptedException {
        return client.send(formSent(path, form).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder formSent(String path, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                                          .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** A request of the test's own making, with this browser's cookies. */
    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The CSRF token of a page's first form. */
    public static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("the page's CSRF token").isTrue();
        return token.group(1);
    }
}
