package dev.custodyledger.bench;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.CustodyEvent.Receive;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.Gs1Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Drives ledger-service on the local stack (./stack up) and prints, in one run: accepted events/s through
 * the batch endpoint (after six unmeasured warm-up bursts, whose rates it also prints); p50/p99 of single
 * synchronous submissions at a fixed rate (open loop, latency measured from each request's intended start, so
 * coordinated omission is corrected); the fold lag; and, as the bound,
 * BouncyCastle's raw Ed25519 verify rate measured in the same run.
 *
 * <p>Usage: {@code java -cp bench/target/custody-bench.jar dev.custodyledger.bench.LedgerBench [units] [rate] [seconds]}
 */
public final class LedgerBench {
    private static final HttpClient HTTP = LedgerClient.HTTP;

    /**
     * Unmeasured warm-up bursts through the batch endpoint, and the handoffs in each. On a stack that had seen only
     * the benchmark's commissioning, bursts of single-unit events went through at a third of the later rate: the
     * JIT compilers of four JVMs (ledger-, scan-, label-service and Kafka) took a core of the two for the first
     * 40,000 events or so, and the rate settled after about 60,000 (ADR 12).
     */
    private static final int WARM_UP_BURSTS = 6;

    private static final int WARM_UP_BURST = 10_000;

    private final LedgerClient client;
    private final String ledger;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final String brand = "bench-brand-" + run;
    private final String depot = "bench-depot-" + run;
    private final String prefix = "98" + (10000 + (int) (System.nanoTime() % 89999 + 89999) % 89999);
    private final Ed25519PrivateKey brandKey = Ed25519PrivateKey.generate();
    private final Ed25519PrivateKey depotKey = Ed25519PrivateKey.generate();
    /** Units of this run's brand commissioned so far, which numbers the next one's serial. */
    private int commissioned;

    private LedgerBench(LedgerClient client) {
        this.client = client;
        this.ledger = client.ledger;
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        var bench = new LedgerBench(LedgerClient.forLocalStack());
        bench.run(units, rate, seconds);
        System.exit(0);
    }

    /** One measurement on a running stack: onboards its own parties and units. */
    static Figures measure(int units, int rate, int seconds) throws Exception {
        return new LedgerBench(LedgerClient.forLocalStack()).run(units, rate, seconds);
    }

    /**
     * Batch ingest alone, as {@link #run} measures it (warm-up bursts first): the median of {@code bursts} bursts of
     * {@code units} single-unit handoffs, events/s.
     */
    static double batchOnly(int units, int bursts) throws Exception {
        var bench = new LedgerBench(LedgerClient.forLocalStack());
        bench.bootstrap();
        for (int i = 0; i < WARM_UP_BURSTS / 2; i++) {
            bench.burst(bench.handoffs(bench.commission(WARM_UP_BURST)));
        }
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < bursts; i++) {
            rates.add(bench.burst(bench.handoffs(bench.commission(units))).rate());
        }
        rates.sort(null);
        return rates.get(rates.size() / 2);
    }

    private Figures run(int units, int rate, int seconds) throws Exception {
        System.out.printf(
                "== ledger-service benchmark against %s (%d units, single submissions at %d/s for %d s)%n",
                ledger, units, rate, seconds);
        bootstrap();
        // Warm-up bursts first, of the same events through the same endpoint: the measured burst then finds every
        // JVM on the path (ledger-, scan- and label-service, Kafka) compiled for them.
        List<Burst> warmUpBursts = new ArrayList<>();
        for (int i = 0; i < WARM_UP_BURSTS; i++) {
            warmUpBursts.add(burst(handoffs(commission(WARM_UP_BURST))));
        }
        List<ItemCode> items = commission(units);
        System.out.print("pre-signing " + 2 * units + " single-unit events ... ");
        List<SignedEvent> handoffs = handoffs(items);
        List<SignedEvent> receipts = new ArrayList<>(units);
        for (ItemCode item : items) {
            receipts.add(SignedEvent.sign(
                    new Receive(header(EventType.RECEIVE, depot, depotKey), List.<UnitCode>of(item)), depotKey));
        }
        System.out.println("done");

        Burst measured = burst(handoffs);
        double batchRate = measured.rate();
        Map<String, Double> batchCores = measured.cores();

        // The burst left work behind in the other folds (scan-service's verifies every signature again): singles
        // are measured in the steady state at their rate, once every read model has caught up.
        long burstSeq = LedgerClient.get(ledger + "/v1/ledger/head").path("seq").asLong();
        double settle = settle(burstSeq);

        // Five seconds at the rate first, not recorded: the client's and the services' code for single submissions
        // is compiled before it is measured.
        int warmUp = Math.min(units / 5, rate * 5);
        openLoop(receipts.subList(0, warmUp), rate, new Histogram(3));
        int singles = Math.min(units - warmUp, rate * seconds);
        Histogram latency = new Histogram(3); // auto-resizing: an overloaded service may take minutes
        int singleAccepted = openLoop(receipts.subList(warmUp, warmUp + singles), rate, latency);

        long ledgerSeq =
                LedgerClient.get(ledger + "/v1/ledger/head").path("seq").asLong();
        long scanBehind = Math.max(0, ledgerSeq - ScanBench.projectedSeq(ScanBench.SCAN_URL));
        long catchUpStart = System.nanoTime();
        while (ScanBench.projectedSeq(ScanBench.SCAN_URL) < ledgerSeq) {
            Thread.sleep(20);
        }
        double scanCatchUp = (System.nanoTime() - catchUpStart) / 1e9;
        double verifyRate = rawVerifyRate(Duration.ofSeconds(3));
        String head = HTTP.send(
                        HttpRequest.newBuilder(URI.create(ledger + "/v1/ledger/head"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(URI.create(ledger + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String lag = metrics.lines()
                .filter(l -> l.startsWith("custody_fold_lag_records"))
                .findFirst()
                .orElse("custody_fold_lag_records ?");

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "%-52s %,10.0f events/s  (%d of %d accepted in %.1f s)  bar >= 3,000: %s%n",
                "batch endpoint, single-unit HANDOFFs, 4 clients",
                batchRate,
                measured.accepted(),
                units,
                measured.seconds(),
                batchRate >= 3000 ? "MET" : "MISSED");
        System.out.printf(
                Locale.ROOT,
                "%-52s %s events/s (%,d events each)%n",
                "warm-up bursts before it",
                warmUpBursts.stream()
                        .map(b -> String.format(Locale.ROOT, "%,.0f", b.rate()))
                        .toList(),
                WARM_UP_BURST);
        System.out.printf(
                Locale.ROOT,
                "%-52s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d of %d accepted)  bar p99 <= 250 ms: %s%n",
                "single submissions at " + rate + "/s (open loop)",
                latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0,
                singleAccepted,
                singles,
                latency.getValueAtPercentile(99) <= 250_000 ? "MET" : "MISSED");
        System.out.printf(
                Locale.ROOT, "%-52s %s (after the run; each 201 already waited for the fold)%n", "fold lag", lag);
        System.out.printf(
                Locale.ROOT,
                "%-52s %,10.0f verifies/s on one thread; batch intake = %.0f %% of it%n",
                "bound: BouncyCastle Ed25519 verify (raw)",
                verifyRate,
                100 * batchRate / verifyRate);
        System.out.printf(
                Locale.ROOT,
                "%-52s %,d records behind at the end of ingest, caught up %.2f s later%n",
                "scan-service fold lag",
                scanBehind,
                scanCatchUp);
        System.out.printf(
                Locale.ROOT,
                "%-52s %.1f s after the batch burst (singles start then)%n",
                "all read models caught up",
                settle);
        batchCores.forEach((part, used) -> System.out.printf(
                Locale.ROOT, "%-52s %.2f cores%n", "during the batch burst: " + StackCpu.PARTS.get(part), used));
        System.out.println("ledger head: " + head);
        return new Figures()
                .add(
                        "ingest.batch",
                        "accepted events/s, batch endpoint (single-unit handoffs, 4 clients)",
                        batchRate,
                        "events/s",
                        "bound.verify",
                        Figures.atLeast(3000))
                .add(
                        "ingest.batch.first-warm-up",
                        "accepted events/s in the first warm-up burst (" + WARM_UP_BURST + " events)",
                        warmUpBursts.get(0).rate(),
                        "events/s")
                .add(
                        "ingest.batch.last-warm-up",
                        "accepted events/s in the last warm-up burst (" + WARM_UP_BURST + " events)",
                        warmUpBursts.get(WARM_UP_BURSTS - 1).rate(),
                        "events/s")
                .add("ingest.single.p50", "single submissions at " + rate + "/s, p50", p50(latency), "ms")
                .add(
                        "ingest.single.p99",
                        "single submissions at " + rate + "/s, p99",
                        p99(latency),
                        "ms",
                        null,
                        Figures.atMost(250))
                .add(
                        "ingest.single.failed",
                        "single submissions not answered 201",
                        singles - singleAccepted,
                        "requests")
                .add("ingest.ledger-lag", "ledger-service fold lag after ingest", number(lag), "records")
                .add("ingest.scan-lag", "scan-service fold lag at the end of ingest", scanBehind, "records")
                .add("ingest.scan-catch-up", "scan-service catch-up after ingest", scanCatchUp, "s")
                .add("ingest.settle", "ledger, scan and label read models caught up after the batch burst", settle, "s")
                .addCores("ingest.batch", "during the batch burst", batchCores);
    }

    /** What one burst through the batch endpoint achieved, and the cores each part of the stack used meanwhile. */
    private record Burst(int accepted, double seconds, Map<String, Double> cores) {
        double rate() {
            return accepted / seconds;
        }
    }

    /** Commissions {@code count} new units of the benchmark's brand, 1,000 per event. */
    private List<ItemCode> commission(int count) throws IOException, InterruptedException {
        var gtin = Gs1Fixtures.gtin(prefix, 1);
        List<ItemCode> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(Gs1Fixtures.item(gtin, "B" + commissioned++));
        }
        for (int i = 0; i < count; i += 1000) {
            submitOne(SignedEvent.sign(
                    new Commission(
                            header(EventType.COMMISSION, brand, brandKey),
                            items.subList(i, Math.min(count, i + 1000)),
                            Lot.of("BENCH"),
                            LocalDate.of(2030, 1, 31),
                            Product.named("Benchmark item")),
                    brandKey));
        }
        return items;
    }

    /** A single-unit handoff from the brand to the depot for each unit. */
    private List<SignedEvent> handoffs(List<ItemCode> items) {
        List<SignedEvent> handoffs = new ArrayList<>(items.size());
        for (ItemCode item : items) {
            handoffs.add(SignedEvent.sign(
                    new Handoff(header(EventType.HANDOFF, brand, brandKey), List.of(item), PartyId.of(depot)),
                    brandKey));
        }
        return handoffs;
    }

    /** {@code events} through the batch endpoint, 1,000 per batch, from 4 concurrent clients. */
    private Burst burst(List<SignedEvent> events) {
        StackCpu before = StackCpu.now();
        long start = System.nanoTime();
        AtomicInteger accepted = new AtomicInteger();
        var batches = new ArrayList<CompletableFuture<Void>>();
        var clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < events.size(); i += 1000) {
            var chunk = events.subList(i, Math.min(events.size(), i + 1000));
            batches.add(CompletableFuture.runAsync(() -> accepted.addAndGet(submitBatch(chunk)), clients));
        }
        CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        return new Burst(accepted.get(), seconds, StackCpu.now().coresSince(before));
    }

    static double p50(Histogram h) {
        return h.getValueAtPercentile(50) / 1000.0;
    }

    static double p99(Histogram h) {
        return h.getValueAtPercentile(99) / 1000.0;
    }

    private static double number(String metricLine) {
        try {
            return Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private void bootstrap() throws IOException, InterruptedException {
        client.onboard(brand, Role.PRODUCER, prefix, null, brandKey);
        client.onboard(depot, Role.DISTRIBUTOR, null, null, depotKey);
    }

    private EventHeader header(EventType type, String actor, Ed25519PrivateKey key) {
        return client.header(type, actor, key);
    }

    private void submitOne(SignedEvent event) throws IOException, InterruptedException {
        client.submitOne(event);
    }

    /** Accepted events of a batch. */
    /**
     * Submits {@code events} one by one at {@code rate}/s, open loop: each latency is measured from the request's
     * intended start. Returns how many were answered 201.
     */
    private int openLoop(List<SignedEvent> events, int rate, Histogram latency) throws InterruptedException {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        var inFlight = new ArrayList<CompletableFuture<Object>>(events.size());
        for (int i = 0; i < events.size(); i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (i - answered.get() > ScanBench.MAX_OPEN_REQUESTS) {
                continue; // shed, and so not accepted: the client would run out of connections
            }
            inFlight.add(HTTP.sendAsync(
                            request("/v1/events", events.get(i).envelopeBytes()), HttpResponse.BodyHandlers.ofString())
                    .handle((r, error) -> {
                        answered.incrementAndGet();
                        // a refused or dropped request still took this long: it counts, as a failure
                        synchronized (latency) {
                            latency.recordValue((System.nanoTime() - intended) / 1000);
                        }
                        if (error == null && r.statusCode() == 201) {
                            accepted.incrementAndGet();
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        return accepted.get();
    }

    /** Waits until ledger-, scan- and label-service have written {@code seq} to their read models; seconds. */
    private double settle(long seq) throws InterruptedException {
        long start = System.nanoTime();
        while (ScanBench.projectedSeq(ledger, "ledger-fold") < seq
                || ScanBench.projectedSeq(ScanBench.SCAN_URL, "scan-fold") < seq
                || ScanBench.projectedSeq(LabelBench.LABEL_URL, "label-fold") < seq) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private int submitBatch(List<SignedEvent> events) {
        int accepted = 0;
        for (var result : client.submitBatch(events)) {
            if (result.path("status").asInt() == 201) {
                accepted++;
            }
        }
        return accepted;
    }

    private HttpRequest request(String path, byte[] body) {
        return client.request(path, body);
    }

    static double rawVerifyRate(Duration duration) {
        var key = Ed25519PrivateKey.generate();
        byte[] message =
                "{\"benchmark\":\"a canonical event of typical size\",\"units\":[\"01/09506000134352/21/7Q2K9X4MZ3\"]}"
                        .getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        byte[] publicKey = key.publicKey().encoded();
        long end = System.nanoTime() + duration.toNanos();
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            if (!Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
                throw new IllegalStateException("verification failed");
            }
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
