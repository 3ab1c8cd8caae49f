package org.ordinateurssolidaires.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link to a server that a test can cut and restore, as a network failure or a stopped database would: apps
 * reach PostgreSQL through it, and while it is cut, every connection is dropped and no new one is accepted.
 */
public final class CuttableLink implements AutoCloseable {

    private final String host;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listening;
    private final int localPort;

    public CuttableLink(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.listening = listen(0);
        this.localPort = listening.getLocalPort();
    }

    /** A link to the server of a database's JDBC URL ({@code jdbc:postgresql://host:port/name}). */
    public static CuttableLink toDatabase(String jdbcUrl) throws IOException {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        return new CuttableLink(server.getHost(), server.getPort());
    }

    /** The database's JDBC URL through this link instead of straight to its server. */
    public String through(String jdbcUrl) {
        return jdbcUrl.replace(host + ":" + port, "127.0.0.1:" + localPort);
    }

    /** The port the apps connect to instead of the server's. */
    public int port() {
        return localPort;
    }

    /** Drops every connection and accepts none until {@link #restore()}. */
    public synchronized void cut() throws IOException {
        listening.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (listening.isClosed()) {
            listening = listen(localPort);
        }
    }

    @Override
    public void close() throws IOException {
        cut();
    }

    private ServerSocket listen(int on) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress("127.0.0.1", on));
        Thread accepting = new Thread(() -> accept(server), "cuttable-link-" + on);
        accepting.setDaemon(true);
        accepting.start();
        return server;
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException closedOrRefused) {
                // cut: the loop ends with the server socket
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException cut) {
                // either end closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cuttable-link-pump");
        pumping.setDaemon(true);
        pumping.start();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // closed by the other pump, or by a cut
        }
    }
}
