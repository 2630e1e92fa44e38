package io.cdcharness.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy the harness owns, in the connector's path to the database: the connector config is
 * resolved to the proxy's address, so the user's fixture does not change. It forwards bytes both ways
 * and can be told to cut the link (a partition: nothing moves, connections stay open, as when packets
 * are dropped), to add latency, and to reset every open connection.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start("127.0.0.1", 3306)) {
 *     proxy.port();                       // what the connector connects to
 *     proxy.cut();  ...  proxy.restore(); // a partition and its end
 *     proxy.latency(Duration.ofMillis(200));
 *     proxy.resetConnections();           // every open connection closed at once
 * }
 * }</pre>
 */
public final class TcpProxy implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile boolean cut;
    private volatile long latencyNanos;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort, ServerSocket server) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = server;
    }

    /** Listens on a free port of 127.0.0.1 and forwards to the target. */
    public static TcpProxy start(String targetHost, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            TcpProxy proxy = new TcpProxy(targetHost, targetPort, server);
            daemon("cdc-harness-proxy-accept", proxy::acceptLoop).start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the harness's TCP proxy to " + targetHost + ":" + targetPort + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String target() {
        return targetHost + ":" + targetPort;
    }

    /** Nothing moves either way until {@link #restore()}; open connections stay open (a partition, not a reset). */
    public void cut() {
        cut = true;
    }

    /** Ends a cut: held bytes flow again. */
    public void restore() {
        synchronized (gate) {
            cut = false;
            gate.notifyAll();
        }
    }

    public boolean isCut() {
        return cut;
    }

    /** Holds every chunk of bytes this long before forwarding it (zero for none). */
    public void latency(Duration latency) {
        synchronized (gate) {
            latencyNanos = latency.toNanos();
            gate.notifyAll();
        }
    }

    /** Closes every open connection at once (the peers see a reset); new connections are forwarded as before. */
    public void resetConnections() {
        for (Socket socket : sockets) {
            abort(socket);
        }
    }

    /** How many connections pass through the proxy right now (two sockets each). */
    public int openConnections() {
        return sockets.size() / 2;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                daemon("cdc-harness-proxy-connect", () -> connect(client)).start();
            } catch (IOException e) {
                if (!closed) {
                    continue; // one failed accept does not stop the proxy
                }
                return;
            }
        }
    }

    private void connect(Socket client) {
        sockets.add(client);
        try {
            awaitOpen();
            Socket upstream = new Socket();
            sockets.add(upstream);
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            daemon("cdc-harness-proxy-up", () -> pump(client, upstream)).start();
            pump(upstream, client);
        } catch (IOException | InterruptedException e) {
            abort(client);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                awaitOpen();
                holdForLatency();
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: the other goes too
        } finally {
            abort(from);
            abort(to);
        }
    }

    /** Waits while the link is cut; a held connection keeps its bytes, as TCP would retransmit them. */
    private void awaitOpen() throws InterruptedException {
        synchronized (gate) {
            while (cut && !closed) {
                gate.wait(1000);
            }
        }
    }

    private void holdForLatency() throws InterruptedException {
        long until = System.nanoTime() + latencyNanos;
        synchronized (gate) {
            long left;
            while (!closed && (left = until - System.nanoTime()) > 0 && latencyNanos > 0) {
                gate.wait(Math.max(1, left / 1_000_000), 0);
            }
        }
    }

    private void abort(Socket socket) {
        sockets.remove(socket);
        try {
            socket.setSoLinger(true, 0); // a reset, not a polite close
        } catch (SocketException ignored) {
            // closed already
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        closed = true;
        restore();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        resetConnections();
    }
}
