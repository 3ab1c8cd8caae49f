package org.ordinateurssolidaires.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One packaged app started as its own process, as it runs in production. The jar comes from the system property
 * {@code <name>Jar}, which the build sets for the tests that use it.
 */
public final class RunningApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final int port;
    private final File log;

    private RunningApp(String name, Process process, int port, File log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar named by system property {@code <name>Jar} on PostgreSQL; see {@link #awaitHealthy}. */
    public static RunningApp onPostgres(String name, String databaseUrl) throws IOException {
        return launch(name, new File("."), "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD,
                "--ordinateurs.personal-data.household-index-secret=end-to-end tests' own secret");
    }

    /** Starts the jar with its defaults, as a new user does: its embedded database goes under the directory. */
    public static RunningApp embeddedIn(String name, File workingDirectory) throws IOException {
        return launch(name, workingDirectory);
    }

    private static RunningApp launch(String name, File workingDirectory, String... settings) throws IOException {
        int port = freePort();
        File log = new File(System.getProperty("logDirectory", "target"), "e2e-" + name + ".log").getAbsoluteFile();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar",
                new File(System.getProperty(name + "Jar")).getAbsolutePath(), "--server.port=" + port));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        return new RunningApp(name, process, port, log);
    }

    /** Sends a command as user "camille"; anything but a 2xx answer fails the test. */
    public JsonNode post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .header("X-User-Id", "camille")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    /** Sends a file as user "camille" (a CSV import); anything but a 2xx answer fails the test. */
    public JsonNode post(String path, String contentType, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .header("X-User-Id", "camille")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
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
                   .until(() -> get("/actuator/health") != null);
        } catch (ConditionTimeoutException | TerminalFailureException notHealthy) {
            close();
            throw new IllegalStateException(name + " did not become healthy within " + patience + "; see " + log,
                    notHealthy);
        }
    }

    /** The answer to a query, or null when it is not (yet) found or the app is not listening yet. */
    public JsonNode get(String path) throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException notAnsweringYet) {
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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
