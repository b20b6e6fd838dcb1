package dev.custodyledger.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.Witness;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody witness}: a transparency-log witness (C2SP tlog-witness) for the logs it is given. One request at a
 * time: the check against the size it last cosigned and the write of the new one are one step, and the state file
 * is replaced whole (written aside, synced, moved over) before the cosignature is sent.
 */
@Command(
        name = "witness",
        description = "Run a witness: POST /add-checkpoint checks a log's new checkpoint against the one it last"
                + " cosigned (consistency proof), cosigns it or refuses (409 on a fork or a rollback), and keeps what"
                + " it cosigned in a state file across restarts.",
        mixinStandardHelpOptions = true)
final class WitnessCommand implements Callable<Integer> {
    /** A checkpoint, a 63-hash proof and a few signatures fit in far less. */
    private static final int MAX_BODY = 64 * 1024;

    @Option(names = "--name", required = true, description = "the witness's name, a schema-less URL")
    String name;

    @Option(names = "--key", required = true, description = "the witness's Ed25519 key (PEM)")
    Path key;

    @ArgGroup(exclusive = false)
    Passphrase passphrase = new Passphrase();

    @Option(
            names = "--log",
            required = true,
            description = "a log to witness, as its verifier key (<origin>+<key id>+<key>); repeatable")
    List<String> logs;

    @Option(names = "--state", required = true, description = "the file that keeps what it cosigned")
    Path state;

    @Option(names = "--listen", defaultValue = "127.0.0.1:0", description = "host:port (default: ${DEFAULT-VALUE})")
    String listen;

    private final Map<String, Witness.Seen> seen = new HashMap<>();
    private Witness witness;

    @Override
    public Integer call() throws Exception {
        witness = new Witness(
                name,
                KeyFiles.privateKey(key, passphrase),
                logs.stream().map(NoteKey::parse).toList());
        load();
        int colon = listen.lastIndexOf(':');
        var server = HttpServer.create(
                new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))), 16);
        server.createContext("/add-checkpoint", this::handle);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
        System.out.println("witness " + name + " listening on http://" + listen.substring(0, colon) + ":"
                + server.getAddress().getPort() + "/add-checkpoint");
        System.out.println("verifier key " + witness.verifier().vkey());
        System.out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                respond(exchange, 405, "text/plain; charset=utf-8", "add-checkpoint takes POST\n");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            if (body.length > MAX_BODY) {
                respond(exchange, 413, "text/plain; charset=utf-8", "the body is over " + MAX_BODY + " bytes\n");
                return;
            }
            switch (witness.add(body, seen, System.currentTimeMillis() / 1000)) {
                case Witness.Cosigned cosigned -> {
                    Map<String, Witness.Seen> next = new HashMap<>(seen);
                    next.put(cosigned.origin(), cosigned.seen());
                    try {
                        store(next);
                    } catch (IOException e) {
                        System.err.println("could not store the witness state: " + e);
                        respond(exchange, 503, "text/plain; charset=utf-8", "the witness could not store its state\n");
                        return;
                    }
                    seen.putAll(next);
                    respond(
                            exchange,
                            200,
                            "text/plain; charset=utf-8",
                            cosigned.cosignature().line());
                }
                case Witness.Refused refused ->
                    respond(exchange, refused.status(), refused.contentType(), refused.body());
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("add-checkpoint failed: " + e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** One line per log: origin, size, base64 root. */
    private void load() throws IOException {
        if (!Files.exists(state)) {
            return;
        }
        for (String line : Files.readAllLines(state, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            if (parts.length != 3) {
                throw new IOException(state + " is not a witness state file: " + line);
            }
            seen.put(
                    parts[0],
                    new Witness.Seen(
                            Long.parseLong(parts[1]), Base64.getDecoder().decode(parts[2])));
        }
    }

    private void store(Map<String, Witness.Seen> next) throws IOException {
        var text = new StringBuilder();
        next.forEach((origin, s) -> text.append(origin)
                .append(' ')
                .append(s.size())
                .append(' ')
                .append(Base64.getEncoder().encodeToString(s.root()))
                .append('\n'));
        Path aside = state.resolveSibling(state.getFileName() + ".new");
        Files.writeString(aside, text);
        try (var channel = FileChannel.open(aside, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(aside, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
