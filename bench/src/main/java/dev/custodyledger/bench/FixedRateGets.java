package dev.custodyledger.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * GETs at a fixed rate over keep-alive HTTP/1.1 connections, open loop: request {@code i} is due at {@code start +
 * i / rate} and its latency runs from then, so a slow answer delays the requests behind it and they count the delay
 * (coordinated omission corrected). A lean client, so that the load generator leaves the machine's two cores to the
 * system under test: one thread sends on time (parked until each request is due), one thread reads every
 * connection through a selector. A thread per connection cost a quarter of a core at 2,000 requests/s here, and
 * the JDK's HttpClient most of one.
 */
final class FixedRateGets {
    /** How long after the last request is due the client waits for answers before counting them as failed. */
    private static final long PATIENCE_NANOS = 120_000_000_000L;

    private final InetSocketAddress server;
    private final String host;
    private final IntFunction<String> paths;
    private final Selector selector;
    private final Histogram latency = new Histogram(3); // auto-resizing: an overloaded service may take minutes
    /** Idle connections and requests that are due but found none idle; guarded by {@code this}. */
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();

    private final ArrayDeque<Integer> backlog = new ArrayDeque<>();
    private final long start;
    private final long interval;
    private final int total;
    private int answered;
    private int failed;

    record Result(Histogram latency, int failed) {}

    /** A keep-alive connection with at most one request outstanding, and the start of its answer. */
    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        volatile long intended;
        volatile boolean busy;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private FixedRateGets(URI base, IntFunction<String> paths, int rate, int seconds) throws IOException {
        this.server = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost();
        this.paths = paths;
        this.selector = Selector.open();
        this.interval = 1_000_000_000L / rate;
        this.total = rate * seconds;
        this.start = System.nanoTime() + 100_000_000L;
    }

    /**
     * Runs the load in a process of its own at a lower CPU priority ({@code nice -n 10} where there is nice): on
     * cores it shares with the system under test, the client then takes what the system leaves, instead of
     * delaying the very answers it times (measured here: the service's own lookup p99 at 2,000/s fell from 12–22
     * to 8–10 ms). Latency still runs from each request's intended start, so whatever delays the client itself
     * counts against the service. GETs {@code pathPrefix + random(units)} at {@code rate}: {@code warmUpSeconds}
     * unrecorded, then {@code seconds} recorded.
     */
    static Result inYieldingProcess(
            String base, String pathPrefix, int units, int rate, int seconds, int connections, int warmUpSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "10"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                FixedRateGets.class.getName(),
                base,
                pathPrefix,
                Integer.toString(units),
                Integer.toString(rate),
                Integer.toString(seconds),
                Integer.toString(connections),
                Integer.toString(warmUpSeconds)));
        Process client = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(client.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        if (client.waitFor() != 0 || !out.startsWith("failed ")) {
            throw new IOException("the fixed-rate client failed: " + out);
        }
        String[] parts = out.split(" ");
        try {
            Histogram latency = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(parts[3])), 0);
            return new Result(latency, Integer.parseInt(parts[1]));
        } catch (DataFormatException e) {
            throw new IOException("the fixed-rate client's histogram is unreadable", e);
        }
    }

    /** The client process of {@link #inYieldingProcess}: prints {@code failed <n> histogram <base64>}. */
    public static void main(String[] args) throws Exception {
        String prefix = args[1];
        int units = Integer.parseInt(args[2]);
        IntFunction<String> paths = i -> prefix + ThreadLocalRandom.current().nextInt(units);
        int rate = Integer.parseInt(args[3]);
        int connections = Integer.parseInt(args[5]);
        run(args[0], paths, rate, Integer.parseInt(args[6]), connections);
        Result result = run(args[0], paths, rate, Integer.parseInt(args[4]), connections);
        ByteBuffer encoded = ByteBuffer.allocate(result.latency().getNeededByteBufferCapacity());
        result.latency().encodeIntoCompressedByteBuffer(encoded);
        byte[] bytes = Arrays.copyOf(encoded.array(), encoded.position());
        System.out.println("failed " + result.failed() + " histogram "
                + Base64.getEncoder().encodeToString(bytes));
    }

    /** {@code rate × seconds} GETs of {@code paths.apply(i)} against {@code base} over {@code connections} sockets. */
    static Result run(String base, IntFunction<String> paths, int rate, int seconds, int connections)
            throws IOException, InterruptedException {
        var load = new FixedRateGets(URI.create(base), paths, rate, seconds);
        for (int c = 0; c < connections; c++) {
            load.idle.add(load.connect());
        }
        Thread sender = new Thread(load::send, "fixed-rate-sender");
        sender.start();
        load.read();
        sender.join();
        load.selector.close();
        return new Result(load.latency, load.failed);
    }

    private Connection connect() throws IOException {
        SocketChannel channel = SocketChannel.open(server);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.configureBlocking(false);
        Connection connection = new Connection(channel);
        channel.register(selector, SelectionKey.OP_READ, connection);
        return connection;
    }

    /** The sending thread: each request when it is due, on an idle connection or else into the backlog. */
    private void send() {
        for (int i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Connection connection;
            synchronized (this) {
                connection = idle.poll();
                if (connection == null) {
                    backlog.add(i);
                    continue;
                }
            }
            request(connection, i);
        }
    }

    private void request(Connection connection, int i) {
        connection.intended = start + i * interval;
        connection.busy = true;
        ByteBuffer request = ByteBuffer.wrap(
                ("GET " + paths.apply(i) + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        try {
            while (request.hasRemaining()) {
                connection.channel.write(request);
            }
        } catch (IOException e) {
            // the reading thread sees the broken connection, counts the request as failed and reconnects
        }
    }

    /** The reading thread: completes answers, records their latency and hands each freed connection on. */
    private void read() throws IOException {
        long giveUp = start + total * interval + PATIENCE_NANOS;
        while (answered < total) {
            if (System.nanoTime() > giveUp) {
                failed += total - answered;
                return;
            }
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                Connection connection = (Connection) key.attachment();
                try {
                    int status = answer(connection);
                    if (status != 0) {
                        answered(connection, status);
                    }
                } catch (IOException e) {
                    key.cancel();
                    connection.channel.close();
                    if (connection.busy) {
                        record(connection, -1);
                    }
                    handOn(connect());
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private void answered(Connection connection, int status) {
        record(connection, status);
        handOn(connection);
    }

    private void record(Connection connection, int status) {
        latency.recordValue((System.nanoTime() - connection.intended) / 1000);
        connection.busy = false;
        answered++;
        if (status != 200) {
            failed++;
        }
    }

    /** A free connection takes the oldest request in the backlog, or waits among the idle ones. */
    private void handOn(Connection connection) {
        Integer next;
        synchronized (this) {
            next = backlog.poll();
            if (next == null) {
                idle.add(connection);
            }
        }
        if (next != null) {
            request(connection, next);
        }
    }

    /** Reads what arrived; the status once the whole answer is in, else 0. */
    private int answer(Connection connection) throws IOException {
        if (!connection.in.hasRemaining()) {
            ByteBuffer larger = ByteBuffer.allocate(connection.in.capacity() * 2);
            connection.in.flip();
            connection.in = larger.put(connection.in);
        }
        if (connection.channel.read(connection.in) < 0) {
            throw new IOException("connection closed");
        }
        ByteBuffer in = connection.in.duplicate().flip();
        int length = complete(in);
        if (length < 0) {
            return 0;
        }
        String head = StandardCharsets.US_ASCII
                .decode(in.duplicate().position(0).limit(12))
                .toString();
        connection.in.flip().position(length);
        connection.in.compact();
        return Integer.parseInt(head.substring(9, 12));
    }

    /** The length of the complete answer at the start of {@code in}, or -1 while it is incomplete. */
    static int complete(ByteBuffer in) {
        String text = StandardCharsets.ISO_8859_1.decode(in.duplicate()).toString();
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return -1;
        }
        int body = headEnd + 4;
        String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
        if (head.contains("\r\ntransfer-encoding:") && head.contains("chunked")) {
            for (int at = body; ; ) {
                int lineEnd = text.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    return -1;
                }
                int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
                at = lineEnd + 2 + size + 2;
                if (at > text.length()) {
                    return -1;
                }
                if (size == 0) {
                    return at;
                }
            }
        }
        int lengthAt = head.indexOf("\r\ncontent-length:");
        if (lengthAt < 0) {
            return body;
        }
        int lengthEnd = head.indexOf("\r\n", lengthAt + 2);
        int length = Integer.parseInt(head.substring(lengthAt + 17, lengthEnd < 0 ? head.length() : lengthEnd)
                .strip());
        return text.length() >= body + length ? body + length : -1;
    }
}
