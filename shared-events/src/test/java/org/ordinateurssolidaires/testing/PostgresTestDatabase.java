package org.ordinateurssolidaires.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Integration tests run against a real PostgreSQL (127.0.0.1:5432 by default; override with TEST_POSTGRES_URL,
 * TEST_POSTGRES_USER, TEST_POSTGRES_PASSWORD). Each test suite asks for a database by name and gets it empty,
 * once per JVM, so tests sharing a Spring context also share the database. TEST_POSTGRES_DATABASE_PREFIX, when set,
 * is put before every name, so that two checkouts can run their suites on one server at the same time.
 */
public final class PostgresTestDatabase {

    public static final String SERVER = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = env("TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");
    private static final String PREFIX = env("TEST_POSTGRES_DATABASE_PREFIX", "");

    private static final Map<String, String> CREATED = new HashMap<>();

    private PostgresTestDatabase() {
    }

    /** The JDBC URL of database {@code name}, dropped and created anew the first time this JVM asks for it. */
    public static synchronized String emptyDatabase(String name) {
        return CREATED.computeIfAbsent(PREFIX + name, PostgresTestDatabase::recreate);
    }

    /** A database's or a role's name as this checkout's tests name it (TEST_POSTGRES_DATABASE_PREFIX first). */
    public static String named(String name) {
        return PREFIX + name;
    }

    private static String recreate(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
            return SERVER + name;
        } catch (SQLException unreachable) {
            throw new IllegalStateException("PostgreSQL is needed for the integration tests at " + SERVER
                    + " (start it, or set TEST_POSTGRES_URL)", unreachable);
        }
    }

    /**
     * A PostgreSQL client program ({@code psql}, {@code pg_dump}) set to connect to the database of this JDBC URL
     * on the test server, as {@link #USER}; {@code arguments} follow the connection's.
     */
    public static ProcessBuilder client(String program, String databaseUrl, String... arguments) {
        URI server = URI.create(databaseUrl.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of(program, "--host=" + server.getHost(),
                "--port=" + (server.getPort() < 0 ? 5432 : server.getPort()), "--username=" + USER,
                "--dbname=" + server.getPath().substring(1)));
        command.addAll(List.of(arguments));
        ProcessBuilder client = new ProcessBuilder(command);
        if (!PASSWORD.isEmpty()) {
            client.environment().put("PGPASSWORD", PASSWORD);
        }
        return client;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
