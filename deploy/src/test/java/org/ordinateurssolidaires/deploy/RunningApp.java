package org.ordinateurssolidaires.deploy;

import org.ordinateurssolidaires.testing.PostgresTestDatabase;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** One packaged app started as its own process on the postgres profile, as it runs in production. */
final class RunningApp implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

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

    /** Starts the jar named by system property {@code <name>Jar}; see {@link #awaitHealthy}. */
    static RunningApp launch(String name, String databaseUrl) throws IOException {
        int port = freePort();
        File log = new File(System.getProperty("logDirectory", "target"), "e2e-" + name + ".log");
        Process process = new ProcessBuilder("java", "-Xmx512m", "-jar", System.getProperty(name + "Jar"),
                "--spring.profiles.active=postgres", "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--spring.datasource.password=" + PostgresTestDatabase.PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        return new RunningApp(name, process, port, log);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void awaitHealthy(Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                                                                   .build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException(name + " did not become healthy within " + patience + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
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
