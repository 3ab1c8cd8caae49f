package org.ordinateurssolidaires.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * One packaged app started as its own process, as it runs in production. The jar comes from the system property
 * {@code <name>Jar}, which the build sets for the tests that use it. Requests sign in as the installation's first
 * account, {@code admin} (admin and staff), unless {@link #signedInAs} says otherwise.
 */
public final class RunningApp implements AutoCloseable {

    /** The first account's password on PostgreSQL, where the command side takes it from its configuration. */
    public static final String ADMIN_PASSWORD = "end-to-end tests' admin password";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final int port;
    private final File log;
    /** The Authorization header's value, read when a request is sent: the embedded default writes it at start. */
    private final Supplier<String> authorization;

    private RunningApp(String name, Process process, int port, File log, Supplier<String> authorization) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.authorization = authorization;
    }

    /** Starts the jar named by system property {@code <name>Jar} on PostgreSQL; see {@link #awaitHealthy}. */
    public static RunningApp onPostgres(String name, String databaseUrl) throws IOException {
        return onPostgresAs(name, databaseUrl, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
    }

    /** The same, signed in to PostgreSQL as {@code user}; {@code settings} follow the tests' own. */
    public static RunningApp onPostgresAs(String name, String databaseUrl, String user, String password,
                                          String... settings) throws IOException {
        List<String> all = postgresSettings(databaseUrl, user, password);
        all.addAll(List.of(settings));
        return launch(name, new File("."), () -> basic("admin", ADMIN_PASSWORD), all.toArray(String[]::new));
    }

    private static List<String> postgresSettings(String databaseUrl, String user, String password) {
        return new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--ordinateurs.personal-data.household-index-secret=end-to-end tests' own secret",
                "--ordinateurs.admin-password=" + ADMIN_PASSWORD,
                // one key-encryption key for every app the tests start, made by the first
                "--ordinateurs.personal-data.key-encryption-keyset-file=" + new File(System.getProperty("logDirectory",
                        "target"), "e2e-key-encryption-keyset.json").getAbsolutePath(),
                "--ordinateurs.documents.seal-keyset-file=" + new File(System.getProperty("logDirectory", "target"),
                        "e2e-document-seal-keyset.json").getAbsolutePath(),
                "--ordinateurs.security.password-hash-strength=4"));
    }

    /**
     * Starts the jar with its defaults, as a new user does: its embedded database goes under the directory, and
     * the first account's password in {@code data/admin-password} there.
     */
    public static RunningApp embeddedIn(String name, File workingDirectory) throws IOException {
        return launch(name, workingDirectory, () -> basic("admin", firstLine(new File(workingDirectory,
                "data/admin-password"))));
    }

    /** The same process, its requests signed in as another account. */
    public RunningApp signedInAs(String username, String password) {
        return new RunningApp(name, process, port, log, () -> basic(username, password));
    }

    /** The same process, its requests sent without credentials, as a monitoring probe sends them. */
    public RunningApp anonymous() {
        return new RunningApp(name, process, port, log, () -> null);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ':' + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String firstLine(File file) {
        try {
            return Files.readAllLines(file.toPath()).get(0);
        } catch (IOException notWrittenYet) {
            throw new UncheckedIOException(notWrittenYet);
        }
    }

    private static RunningApp launch(String name, File workingDirectory, Supplier<String> authorization,
                                     String... settings) throws IOException {
        int port = freePort();
        File log = new File(System.getProperty("logDirectory", "target"), "e2e-" + name + ".log").getAbsoluteFile();
        // a second process of the same app is named with a number after the app's: commandSide2
        String jar = System.getProperty(name.replaceAll("\\d+$", "") + "Jar");
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m"));
        command.addAll(ClassDataSharing.launch(new File(jar), () -> postgresSettings(
                PostgresTestDatabase.emptyDatabase("ordinateurs_class_data_sharing"), PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD)));
        command.add("--server.port=" + port);
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        return new RunningApp(name, process, port, log, authorization);
    }

    /** Sends a command; anything but a 2xx answer fails the test. */
    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization.get())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** Sends a command and answers its status, whatever it is: for tests of refusals and faults. */
    public int send(String path, Object body) throws IOException, InterruptedException {
        return exchange("POST", path, body, null).statusCode();
    }

    /** The same, with the client's own id for the command: sent again with it, it is recorded once. */
    public int send(String path, Object body, UUID idempotencyKey) throws IOException, InterruptedException {
        return exchange("POST", path, body, idempotencyKey).statusCode();
    }

    /** Any request (a JSON body or none, an idempotency key or none), answered whatever its status. */
    public HttpResponse<String> exchange(String method, String path, Object body, UUID idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                                                 .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                                         : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (authorization.get() != null) {
            request.header("Authorization", authorization.get());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey.toString());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a file (a CSV import); anything but a 2xx answer fails the test. */
    public JsonNode post(String path, String contentType, String body) throws IOException, InterruptedException {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a file (a PDF to verify); anything but a 2xx answer fails the test. */
    public JsonNode post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .header("Authorization", authorization.get())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    @Override
    public String toString() {
        return name;
    }

    /** The port the app listens on. */
    public int port() {
        return port;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    public void awaitHealthy(Duration patience) throws InterruptedException {
        // a process that exits fails at once rather than after the whole patience
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(250))
                   .failFast(name + " exited; see " + log, () -> !process.isAlive())
                   .until(() -> answers("/actuator/health"));
        } catch (ConditionTimeoutException | TerminalFailureException notHealthy) {
            String why = process.isAlive() ? "did not become healthy within " + patience
                    : "exited with code " + process.exitValue();
            close();
            // the build's report keeps the message, not the log file: the log's first errors go with it
            throw new IllegalStateException(name + " " + why + "; see " + log + firstErrors(), notHealthy);
        }
    }

    /** Whether the app has logged {@code text} so far. */
    public boolean logged(String text) throws IOException {
        return Files.readString(log.toPath(), StandardCharsets.UTF_8).contains(text);
    }

    /** The log's first errors, and Spring Boot's description of why the app failed to start. */
    private String firstErrors() {
        StringBuilder errors = new StringBuilder();
        try {
            List<String> lines = Files.readAllLines(log.toPath(), StandardCharsets.UTF_8);
            int shown = 0;
            for (int i = 0; i < lines.size() && shown < 12; i++) {
                String line = lines.get(i);
                boolean described = i > 1 && lines.get(i - 2).equals("Description:");
                if (line.contains(" ERROR ") || line.startsWith("Caused by:") || described) {
                    errors.append(System.lineSeparator()).append(line);
                    shown++;
                }
            }
        } catch (IOException unreadable) {
            // the message still names the log
        }
        return errors.toString();
    }

    /** The answer to a query, or null when it is not (yet) found or the app is not listening yet. */
    public JsonNode get(String path) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Authorization", authorization.get()).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException notAnsweringYet) {
            return null;
        }
    }

    /** Whether an anonymous request to the path is answered 200: the health probes need no account. */
    private boolean answers(String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notAnsweringYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The process's id, as Axon names a token's owner ({@code pid@host}). */
    public long pid() {
        return process.pid();
    }

    /** Ends the process at once, as a crash or {@code kill -9} would: no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops each app that was started, in the order given; a null stands for one that never was. */
    public static void closeAll(RunningApp... apps) throws InterruptedException {
        for (RunningApp app : apps) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
