package dev.custodyledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.Gs1Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The scale section (issue 22): commissions {@code units} units through ledger-service in COMMISSION events of
 * 10,000, and at 1,000,000 units and at the end, once every service has folded and projected them, measures
 * each service's live heap after a full GC and its state store's bytes per unit. At the end: {@code GET
 * /v1/ledger/head} latency, scan-service SIGKILLed and started again until ready, and scan-service started with
 * an empty state folder (a new replica) until ready. Runs on the local stack, alone on the machine.
 *
 * <p>Usage: {@code ScaleBench [units=10000000]}
 */
final class ScaleBench {
    static final int PER_EVENT = 10_000;
    static final int EVENTS_PER_BATCH = 8;
    static final int CHECKPOINT = 1_000_000;
    static final Map<String, Integer> SERVICES =
            Map.of("ledger-service", 8081, "scan-service", 8082, "label-service", 8083);
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final LedgerClient client;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final String brand = "scale-brand-" + run;
    private final String prefix = "96" + (10000 + (int) (System.nanoTime() % 89999 + 89999) % 89999);
    private final Ed25519PrivateKey brandKey = Ed25519PrivateKey.generate();

    private ScaleBench(LedgerClient client) {
        this.client = client;
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        Replay.requireStackScript();
        var figures = Bounds.measure().addAll(measure(units));
        print(figures);
        System.exit(0);
    }

    static Figures measure(int units) throws Exception {
        return new ScaleBench(LedgerClient.forLocalStack()).run(units);
    }

    private Figures run(int units) throws Exception {
        var figures = new Figures();
        client.onboard(brand, Role.PRODUCER, prefix, null, brandKey);
        long start = System.nanoTime();
        int commissioned = 0;
        int printed = 0;
        List<Integer> checkpoints = new ArrayList<>(List.of(Math.min(CHECKPOINT, units), units));
        while (commissioned < units) {
            List<SignedEvent> batch = new ArrayList<>();
            for (int e = 0; e < EVENTS_PER_BATCH && commissioned < units; e++) {
                batch.add(commission(commissioned / PER_EVENT, Math.min(PER_EVENT, units - commissioned)));
                commissioned += Math.min(PER_EVENT, units - commissioned);
            }
            JsonNode results = client.submitBatch(batch);
            for (JsonNode r : results) {
                int status = r.path("status").asInt();
                if (status != 201 && status != 202) {
                    throw new IllegalStateException("a commission was answered " + r);
                }
            }
            if (commissioned >= checkpoints.get(0)) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(
                        Locale.ROOT,
                        "%,d units submitted in %.0f s (%,.0f units/s)%n",
                        commissioned,
                        seconds,
                        commissioned / seconds);
                long seq = awaitEveryServiceProjected();
                String at = commissioned >= 1_000_000 ? commissioned / 1_000_000 + "M" : commissioned / 1000 + "k";
                if (commissioned == units) {
                    figures.add(
                            "scale.ingest",
                            "commissioned and projected by every service, events of 10,000",
                            commissioned / ((System.nanoTime() - start) / 1e9),
                            "units/s");
                }
                for (String service : SERVICES.keySet()) {
                    figures.add(
                            "scale.heap." + service + "." + at,
                            service + " live heap after a full GC at " + at + " units",
                            liveHeapMb(service, at),
                            "MB",
                            null,
                            Figures.atMost(512));
                    figures.add(
                            "scale.disk." + service + "." + at,
                            service + " state store on disk per unit at " + at + " units",
                            folderBytes(stateDir(service)) / (double) commissioned,
                            "bytes/unit");
                }
                System.out.printf(Locale.ROOT, "at %s units (seq %d):%n", at, seq);
                print(figures.since(printed));
                printed = figures.all.size();
                checkpoints.remove(0);
                if (checkpoints.isEmpty()) {
                    break;
                }
            }
        }
        if (units > CHECKPOINT) {
            String end = units / 1_000_000 + "M";
            for (String service : SERVICES.keySet()) {
                figures.add(
                        "scale.heap.growth." + service,
                        service + " live heap at " + end + " units / at 1M",
                        figures.value("scale.heap." + service + "." + end)
                                / figures.value("scale.heap." + service + ".1M"),
                        "x",
                        null,
                        Figures.atMost(1.10));
            }
        }
        figures.addAll(headLatency());
        figures.add(
                "scale.restart.killed",
                "scan-service SIGKILLed at " + units / 1_000_000 + "M units: seconds until ready",
                restart("scan-service", false),
                "s",
                null,
                Figures.atMost(30));
        figures.add(
                "scale.restart.empty",
                "scan-service with an empty state folder (a new replica): seconds until ready",
                restart("scan-service", true),
                "s");
        return figures;
    }

    private SignedEvent commission(int index, int count) {
        var gtin = Gs1Fixtures.gtin(prefix, 7);
        List<ItemCode> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            codes.add(Gs1Fixtures.item(gtin, "Z" + index + "N" + i));
        }
        return client.sign(
                new Commission(
                        client.header(EventType.COMMISSION, brand, brandKey),
                        codes,
                        new Lot("L" + index / 10),
                        LocalDate.of(2028, 12, 31),
                        Product.named("Scale formula 800 g")),
                brandKey);
    }

    private static void print(Figures figures) {
        for (Figures.Figure f : figures.all) {
            System.out.printf(
                    Locale.ROOT,
                    "%-72s %,14." + (f.value() < 10 ? 2 : 1) + "f %-10s %s%n",
                    f.label(),
                    f.value(),
                    f.unit(),
                    f.bar() == null ? "" : "bar " + f.bar() + ": " + (f.bar().met(f.value()) ? "MET" : "MISSED"));
        }
    }

    /** Waits until every service has folded and written its read model up to ledger-service's head. */
    private static long awaitEveryServiceProjected() throws InterruptedException {
        while (true) {
            long seq = head(8081).path("seq").asLong();
            boolean all = true;
            for (int port : SERVICES.values()) {
                JsonNode h = head(port);
                all &= h.path("seq").asLong() == seq && h.path("projectedSeq").asLong() == seq;
            }
            if (all) {
                return seq;
            }
            Thread.sleep(500);
        }
    }

    private static JsonNode head(int port) {
        try {
            return LedgerClient.get("http://127.0.0.1:" + port + "/v1/ledger/head");
        } catch (RuntimeException e) {
            return LedgerClient.JSON.createObjectNode();
        }
    }

    /** {@code GET /v1/ledger/head} on ledger-service, 2,000 times one after another. */
    private static Figures headLatency() throws Exception {
        var latency = new Histogram(3);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/v1/ledger/head"))
                .build();
        for (int i = 0; i < 2_500; i++) {
            long t0 = System.nanoTime();
            LedgerClient.HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            if (i >= 500) {
                latency.recordValue((System.nanoTime() - t0) / 1000);
            }
        }
        return new Figures()
                .add("scale.head.p50", "GET /v1/ledger/head p50", latency.getValueAtPercentile(50) / 1000.0, "ms")
                .add(
                        "scale.head.p99",
                        "GET /v1/ledger/head p99",
                        LedgerBench.p99(latency),
                        "ms",
                        null,
                        Figures.atMost(10));
    }

    /** SIGKILLs {@code service} (emptying its state folder if asked) and starts it again: seconds until ready. */
    private static double restart(String service, boolean empty) throws Exception {
        long pid = Long.parseLong(Files.readString(Replay.stackDir().resolve("pids/" + service + ".pid"))
                .trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(20);
        }
        long killed = System.nanoTime();
        if (empty) {
            deleteTree(stateDir(service));
        }
        var up = new ProcessBuilder(Path.of("stack").toAbsolutePath().toString(), "up", "--no-build")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        var ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVICES.get(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            try {
                if (LedgerClient.HTTP
                                .send(ready, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    break;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - killed) / 1e9;
        up.waitFor();
        System.out.printf(
                Locale.ROOT, "%s %s: ready %.1f s after the kill%n", service, empty ? "(empty folder)" : "", seconds);
        return seconds;
    }

    /** The service's live heap after a full GC, by {@code jcmd}. */
    private static double liveHeapMb(String service, String at) throws Exception {
        String pid = Files.readString(Replay.stackDir().resolve("pids/" + service + ".pid"))
                .trim();
        jcmd(pid, "GC.run");
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        keepHistogram(service, at, pid);
        if (!m.find()) {
            throw new IllegalStateException("jcmd GC.heap_info of " + service + " says no heap used");
        }
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    /**
     * The classes on the heap after the full GC, kept in {@code bench/target/scale/} so that what grows between the
     * two points can be read by class rather than guessed.
     */
    private static void keepHistogram(String service, String at, String pid) throws Exception {
        Path dir = Path.of("bench", "target", "scale");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(service + "-" + at + ".histogram"), jcmd(pid, "GC.class_histogram"));
    }

    private static String jcmd(String pid, String command) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        var process =
                new ProcessBuilder(jcmd, pid, command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    static Path stateDir(String service) {
        return Replay.stackDir().resolve("state").resolve(service);
    }

    private static long folderBytes(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
