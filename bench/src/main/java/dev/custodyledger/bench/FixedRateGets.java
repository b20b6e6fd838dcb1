package dev.custodyledger.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * GETs at a fixed rate over keep-alive HTTP/1.1 connections on plain sockets, open loop: request {@code i} is due
 * at {@code start + i / rate} and its latency runs from then, so a slow answer delays the requests behind it and
 * they count the delay (coordinated omission corrected). A lean client, so that the load generator leaves the
 * machine's two cores to the system under test: the JDK's HttpClient spent most of a core at 2,000 requests/s.
 */
final class FixedRateGets {
    private final URI base;
    private final IntFunction<String> paths;
    private final Histogram latency = new Histogram(3); // auto-resizing: an overloaded service may take minutes
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private long start;
    private long interval;
    private int total;

    record Result(Histogram latency, int failed) {}

    private FixedRateGets(URI base, IntFunction<String> paths) {
        this.base = base;
        this.paths = paths;
    }

    /** {@code rate × seconds} GETs of {@code paths.apply(i)} against {@code base} from {@code connections} sockets. */
    static Result run(String base, IntFunction<String> paths, int rate, int seconds, int connections)
            throws InterruptedException {
        var load = new FixedRateGets(URI.create(base), paths);
        load.interval = 1_000_000_000L / rate;
        load.total = rate * seconds;
        load.start = System.nanoTime() + 100_000_000L;
        List<Thread> workers = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(load::work, "fixed-rate-" + c);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(load.latency, load.failed.get());
    }

    /** A keep-alive connection and its buffered input, which may hold the start of the next answer. */
    private record Connection(Socket socket, InputStream in, OutputStream out) {}

    private void work() {
        Connection connection = null;
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean ok;
            try {
                if (connection == null) {
                    connection = connect();
                }
                ok = get(connection, paths.apply(i)) == 200;
            } catch (IOException e) {
                ok = false;
                close(connection);
                connection = null;
            }
            long micros = (System.nanoTime() - intended) / 1000;
            synchronized (latency) {
                latency.recordValue(micros);
            }
            if (!ok) {
                failed.incrementAndGet();
            }
        }
        close(connection);
    }

    private Connection connect() throws IOException {
        var socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        return new Connection(socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
    }

    /** Sends one GET and reads the whole answer, so that the connection can carry the next; the status. */
    private int get(Connection connection, String path) throws IOException {
        connection
                .out()
                .write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAccept: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        connection.out().flush();
        return readResponse(connection.in());
    }

    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).strip(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).strip(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return code;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket().close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
    }
}
