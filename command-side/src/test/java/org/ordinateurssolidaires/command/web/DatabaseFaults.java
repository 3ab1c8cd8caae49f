package org.ordinateurssolidaires.command.web;

import org.ordinateurssolidaires.testing.PostgresTestDatabase;
import org.ordinateurssolidaires.web.security.AccountDirectory;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.config.BeanPostProcessor;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes the real PostgreSQL fail under the app at a chosen point of a command's way, the way a restart or a cut
 * network does: the server ends the app's connection (pg_terminate_backend, from a connection of its own), and the
 * app's driver then meets a closed socket on its next write. Wraps the app's DataSource only to know when the
 * chosen point is reached; what fails is the driver talking to a server that has gone.
 */
final class DatabaseFaults implements BeanPostProcessor {

    /** Where, on a command's way through the database, the connection is cut. Each fires once, then disarms. */
    enum Point {
        /** the account is read to sign the caller in, before anything of the command runs */
        ACCOUNT_LOOKUP("select username, password_hash"),
        /** the pooled connection is dead when the command's transaction takes it, as after a database restart */
        CONNECTION_TAKEN(null),
        /** the idempotency claim, the first statement of the unit of work when the client sent a key */
        IDEMPOTENCY_CLAIM("insert into processed_command"),
        /** the append of the command's events */
        EVENT_APPEND("insert into domainevententry"),
        /** the commit of the command's transaction, every statement already executed */
        COMMIT(null);

        private final String statementPrefix;

        Point(String statementPrefix) {
            this.statementPrefix = statementPrefix;
        }

        boolean isReachedBy(String sql) {
            return statementPrefix != null && sql.strip().toLowerCase(Locale.ROOT).startsWith(statementPrefix);
        }
    }

    private final AtomicReference<Point> armed = new AtomicReference<>();
    private final AtomicReference<Point> fired = new AtomicReference<>();

    void arm(Point point) {
        fired.set(null);
        armed.set(point);
    }

    /** The point that fired since it was armed, if any: a test that expects a failure checks it really happened. */
    Point fired() {
        return fired.get();
    }

    void disarm() {
        armed.set(null);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, (self, method, args) -> {
                Object result = invoke(dataSource, method, args);
                if (method.getName().equals("getConnection")) {
                    Connection connection = (Connection) result;
                    if (!takenToSignIn()) {
                        cutIfArmed(Point.CONNECTION_TAKEN, connection);
                    }
                    return faulty(connection);
                }
                return result;
            });
        }
        return bean;
    }

    /** Signing the caller in reads the account first, on a connection of its own (its own point above). */
    private static boolean takenToSignIn() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getClassName().equals(AccountDirectory.class.getName())));
    }

    private Connection faulty(Connection connection) {
        return proxy(Connection.class, (self, method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql) {
                Point point = armed.get();
                if (point != null && point.isReachedBy(sql)) {
                    cutIfArmed(point, connection);
                }
            } else if (method.getName().equals("commit")) {
                cutIfArmed(Point.COMMIT, connection);
            }
            return invoke(connection, method, args);
        });
    }

    private void cutIfArmed(Point point, Connection connection) throws SQLException {
        if (armed.get() == point && onARequestsWay() && armed.compareAndSet(point, null)) {
            fired.set(point);
            terminate(connection.unwrap(PGConnection.class).getBackendPID());
        }
    }

    /**
     * Only a request's own work meets the fault: the app's background work (the database check every second, for
     * one) also takes connections, and cutting one of those would leave the request under test unharmed.
     */
    private static boolean onARequestsWay() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                frame -> frame.getClassName().startsWith("org.apache.catalina.")));
    }

    /** Ends the server process behind the app's connection; the server waits until it is gone (PostgreSQL 14+). */
    private static void terminate(int backendPid) throws SQLException {
        String url = PostgresTestDatabase.SERVER + "postgres";
        try (Connection admin = DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
             PreparedStatement kill = admin.prepareStatement("select pg_terminate_backend(?, 10000)")) {
            kill.setInt(1, backendPid);
            try (ResultSet ended = kill.executeQuery()) {
                if (!ended.next() || !ended.getBoolean(1)) {
                    throw new IllegalStateException("backend " + backendPid + " still alive after 10 s");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(DatabaseFaults.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }
}
