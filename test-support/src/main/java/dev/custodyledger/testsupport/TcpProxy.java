package dev.custodyledger.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 between services and a server (the broker, the database), through which a fault test
 * degrades the network: {@link #delay} adds latency to every chunk each way, {@link #stall} holds every byte
 * (what a burst of packet loss looks like to TCP: nothing arrives until retransmission succeeds) and {@link
 * #cut} resets every open connection. Each connection is two pumps on virtual threads.
 */
public final class TcpProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long delayMillis;
    private volatile boolean stalled;

    private TcpProxy(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on {@code port} (0 for any free one) of 127.0.0.1 and forwards to {@code target} there. */
    public static TcpProxy start(int port, int target) {
        try {
            var server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            var proxy = new TcpProxy(server, target);
            Thread.ofVirtual().name("proxy-accept-" + target).start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("could not listen on " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Every chunk in either direction waits this long before it is passed on; zero for none. */
    public void delay(long millis) {
        delayMillis = millis;
    }

    /** Holds every byte until {@link #heal}. */
    public void stall() {
        stalled = true;
    }

    /** Resets every open connection; new ones are accepted as before. */
    public void cut() {
        for (Socket s : open) {
            close(s);
        }
    }

    /** No delay, no stall. */
    public void heal() {
        delayMillis = 0;
        synchronized (this) {
            stalled = false;
            notifyAll();
        }
    }

    @Override
    public void close() {
        heal();
        close(server);
        cut();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                } catch (IOException refused) {
                    close(client); // the server is down: the client sees the connection end, as it would
                    continue;
                }
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException e) {
                // closed, or one accept failed: the loop condition decides
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                hold();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // either side closed or was cut
        } finally {
            close(from);
            close(to);
        }
    }

    private void hold() throws InterruptedException {
        long delay = delayMillis;
        if (delay > 0) {
            Thread.sleep(delay);
        }
        if (stalled) {
            synchronized (this) {
                while (stalled) {
                    wait();
                }
            }
        }
    }

    private void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
        if (c instanceof Socket s) {
            open.remove(s);
        }
    }
}
