package dev.custodyledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.Gs1Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drives scan-service on the local stack and prints, in one run: the time to commission {@code units} units
 * through ledger-service and see them all in scan-service's read model; verifies/s at saturation (wrk, random
 * codes); p50/p99 of verifies at a fixed rate (open loop, latency from each request's intended start), with the
 * cores each part of the stack used meanwhile ({@link StackCpu});
 * {@code pgbench -S} against the same PostgreSQL as the bound; and the projection lag (record time to visible
 * in scan-service's read model) while handoffs arrive at a fixed rate.
 *
 * <p>Start the stack without the public rate limit and with heap for a million units:
 * {@code CUSTODY_VERIFY_RATE_LIMIT_PER_SECOND=0 CUSTODY_SERVICE_HEAP=3g ./stack up}, then
 * {@code java -cp bench/target/custody-bench.jar dev.custodyledger.bench.ScanBench [units] [rate] [seconds] [lag-rate]}.
 */
public final class ScanBench {
    private static final int UNITS_PER_EVENT = 10_000;
    /** Requests left open at once before the driver sheds (and counts as failed) instead of sending more. */
    static final int MAX_OPEN_REQUESTS = 8_000;
    /** Connections of the fixed-rate verify load: at 2,000/s they queue only once answers take 32 ms. */
    private static final int FIXED_RATE_CONNECTIONS = 64;

    private static final int FIXED_RATE_WARM_UP_SECONDS = 5;

    static final String SCAN_URL = System.getenv().getOrDefault("CUSTODY_SCAN_URL", "http://127.0.0.1:8082");

    private final LedgerClient client;
    private final String scan = SCAN_URL;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final String brand = "scanbench-brand-" + run;
    private final String depot = "scanbench-depot-" + run;
    private final String prefix = "97" + (10000 + ThreadLocalRandom.current().nextInt(89999));
    private final Gtin gtin = Gs1Fixtures.gtin(prefix, 1);
    private final Ed25519PrivateKey brandKey = Ed25519PrivateKey.generate();
    private final Ed25519PrivateKey depotKey = Ed25519PrivateKey.generate();
    private final int units;
    private int handedOff;
    private int fixedRateFailures;

    private ScanBench(LedgerClient client, int units) {
        this.client = client;
        this.units = units;
    }

    public static void main(String[] args) throws Exception {
        int units = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int lagRate = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        ScanBench bench = prepare(units).measurePrinted(rate, seconds, lagRate);
        System.out.printf(
                Locale.ROOT,
                "%-50s %,10.0f tps (select-only)%n",
                "bound: pgbench -S, same PostgreSQL",
                Bounds.pgbench());
        System.exit(bench == null ? 1 : 0);
    }

    /** Commissions {@code units} units through ledger-service and waits until scan-service shows them all. */
    static ScanBench prepare(int units) throws Exception {
        var bench = new ScanBench(LedgerClient.forLocalStack(), units);
        System.out.printf("== scan-service benchmark against %s (%,d units)%n", bench.scan, units);
        bench.requireNoRateLimit();
        bench.client.onboard(bench.brand, Role.PRODUCER, bench.prefix, new Location("Lyon", "FR"), bench.brandKey);
        bench.client.onboard(bench.depot, Role.DISTRIBUTOR, null, new Location("Berlin", "DE"), bench.depotKey);
        long start = System.nanoTime();
        bench.commission(units);
        double commissioned = (System.nanoTime() - start) / 1e9;
        long ledgerSeq = LedgerClient.get(bench.client.ledger + "/v1/ledger/head")
                .path("seq")
                .asLong();
        while (projectedSeq(bench.scan) < ledgerSeq) {
            Thread.sleep(200);
        }
        System.out.printf(
                Locale.ROOT,
                "%-50s %,d units in %.1f s through ledger-service; all visible in scan-service after %.1f s%n",
                "commissioning (events of 10,000 units)",
                units,
                commissioned,
                (System.nanoTime() - start) / 1e9);
        return bench;
    }

    private ScanBench measurePrinted(int rate, int seconds, int lagRate) throws Exception {
        for (Figures.Figure f : measure(rate, seconds, lagRate).all) {
            System.out.printf(
                    Locale.ROOT,
                    "%-60s %,12.2f %s%s%n",
                    f.label(),
                    f.value(),
                    f.unit(),
                    f.bar() == null ? "" : "  bar " + f.bar() + ": " + (f.bar().met(f.value()) ? "MET" : "MISSED"));
        }
        return this;
    }

    /** Verifies at saturation and at a fixed rate, then the record-to-verify lag while handoffs arrive. */
    Figures measure(int rate, int seconds, int lagRate) throws Exception {
        double saturation = saturation();
        StackCpu before = StackCpu.now();
        Histogram latency = fixedRate(rate, seconds);
        Map<String, Double> cores = StackCpu.now().coresSince(before);
        Lag lag = projectionLag(lagRate);
        return new Figures()
                .add(
                        "verify.saturation",
                        "verifies/s at saturation (wrk, 32 connections, random codes of " + units + ")",
                        saturation,
                        "verifies/s",
                        "bound.pgbench",
                        Figures.atLeast(5000))
                .add("verify.fixed.p50", "verify at " + rate + "/s, p50", LedgerBench.p50(latency), "ms")
                .add(
                        "verify.fixed.failed",
                        "verifies at " + rate + "/s not answered 200",
                        fixedRateFailures,
                        "requests")
                .add(
                        "verify.fixed.p99",
                        "verify at " + rate + "/s, p99",
                        LedgerBench.p99(latency),
                        "ms",
                        null,
                        Figures.atMost(20))
                .add(
                        "e2e.p50",
                        "record time to visible in verify at " + lagRate + " events/s, p50",
                        LedgerBench.p50(lag.visible()),
                        "ms")
                .add(
                        "e2e.p99",
                        "record time to visible in verify at " + lagRate + " events/s, p99",
                        LedgerBench.p99(lag.visible()),
                        "ms",
                        null,
                        Figures.atMost(1000))
                .add(
                        "tlog.signed.p50",
                        "record time to in a signed checkpoint at " + lagRate + " events/s, p50",
                        LedgerBench.p50(lag.signed()),
                        "ms")
                .add(
                        "tlog.signed.p99",
                        "record time to in a signed checkpoint at " + lagRate + " events/s, p99",
                        LedgerBench.p99(lag.signed()),
                        "ms",
                        null,
                        Figures.atMost(1000))
                .add(
                        "tlog.cosigned.p99",
                        "record time to in a checkpoint cosigned by " + TlogBench.witnesses() + " witnesses at "
                                + lagRate + " events/s, p99",
                        lag.cosigned().getTotalCount() == 0 ? Double.NaN : LedgerBench.p99(lag.cosigned()),
                        "ms",
                        null,
                        Figures.atMost(2000))
                .addCores("verify.fixed", "while verifying at " + rate + "/s (warm-up included)", cores);
    }

    private ItemCode unit(int i) {
        return Gs1Fixtures.item(gtin, "S" + i);
    }

    private String path(int i) {
        return codesPath() + i;
    }

    /** The verify path of this run's codes, but for the serial's number. */
    private String codesPath() {
        return "/v1/verify?code=01/" + gtin.value() + "/21/S";
    }

    private void requireNoRateLimit() throws Exception {
        for (int i = 0; i < 100; i++) {
            var r = LedgerClient.HTTP.send(
                    HttpRequest.newBuilder(URI.create(scan + path(i))).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() == 429) {
                throw new IllegalStateException("scan-service rate-limits this client: start the stack with"
                        + " CUSTODY_VERIFY_RATE_LIMIT_PER_SECOND=0 ./stack up");
            }
        }
    }

    /** Events of 10,000 units, five per batch request, two requests in flight. */
    private void commission(int units) {
        var requests = new ArrayList<CompletableFuture<Void>>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<SignedEvent> batch = new ArrayList<>();
        for (int from = 0; from < units; from += UNITS_PER_EVENT) {
            List<ItemCode> chunk = new ArrayList<>(UNITS_PER_EVENT);
            for (int i = from; i < Math.min(units, from + UNITS_PER_EVENT); i++) {
                chunk.add(unit(i));
            }
            batch.add(client.sign(
                    new Commission(
                            client.header(EventType.COMMISSION, brand, brandKey),
                            chunk,
                            Lot.of("BENCH"),
                            LocalDate.of(2030, 1, 31),
                            Product.named("Benchmark item")),
                    brandKey));
            if (batch.size() == 5 || from + UNITS_PER_EVENT >= units) {
                List<SignedEvent> events = List.copyOf(batch);
                batch.clear();
                requests.add(CompletableFuture.runAsync(
                        () -> {
                            for (JsonNode result : client.submitBatch(events)) {
                                if (result.path("status").asInt() != 201
                                        && result.path("status").asInt() != 202) {
                                    throw new IllegalStateException("commission refused: " + result);
                                }
                            }
                        },
                        pool));
            }
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
    }

    /** The last ledger seq scan-service's read model holds (its fold readiness check reports it). */
    static long projectedSeq(String scan) {
        return projectedSeq(scan, "scan-fold");
    }

    /** Where a service's read model stands, from its readiness check (no state digest computed for it). */
    static long projectedSeq(String service, String check) {
        for (JsonNode c : LedgerClient.get(service + "/q/health/ready").path("checks")) {
            if (c.path("name").asText().equals(check)) {
                return c.path("data").path("projectedSeq").asLong();
            }
        }
        throw new IllegalStateException(service + " reports no " + check + " check");
    }

    /**
     * wrk over random codes: 10 s to warm up (the verify path compiled, the read model's pages cached), then 15 s
     * measured; verifies/s (NaN when wrk is not installed).
     */
    private double saturation() throws IOException, InterruptedException {
        wrk(10);
        return wrk(15);
    }

    private double wrk(int seconds) throws IOException, InterruptedException {
        return Wrk.requestsPerSecond(
                scan,
                "math.randomseed(os.time())\nrequest = function()\n  return wrk.format(\"GET\", \"/v1/verify?code=01/"
                        + gtin.value() + "/21/S\" .. math.random(0, " + (units - 1)
                        + "), {[\"Accept\"] = \"application/json\"})\nend\n",
                seconds);
    }

    /**
     * Verifies at {@code rate} for {@code seconds} from a client process that yields the cores to the system under
     * test, after an unrecorded warm-up of {@link #FIXED_RATE_WARM_UP_SECONDS} at the same rate: the load
     * generator's own first seconds (its code compiling, its connections opening) would otherwise count as the
     * service's latency.
     */
    private Histogram fixedRate(int rate, int seconds) throws IOException, InterruptedException {
        var result = FixedRateGets.inYieldingProcess(
                scan, codesPath(), units, rate, seconds, FIXED_RATE_CONNECTIONS, FIXED_RATE_WARM_UP_SECONDS);
        fixedRateFailures = result.failed();
        if (result.failed() > 0) {
            System.out.println("note: " + result.failed() + " verifies did not answer 200");
        }
        return result.latency();
    }

    /** What the stream of handoffs measures: record time until visible in verify, in a checkpoint, cosigned. */
    record Lag(Histogram visible, Histogram signed, Histogram cosigned) {}

    /** One accepted record the poller waits for. */
    private static final class Pending {
        final Instant recordTime;
        boolean visible;
        boolean signed;
        boolean cosigned;

        Pending(Instant recordTime) {
            this.recordTime = recordTime;
        }
    }

    /**
     * Single-unit handoffs at {@code perSecond}, in batches every 100 ms; for each accepted record, the time from
     * its record time until scan-service's read model has it (its projected seq), until ledger-service has stored a
     * signed checkpoint that includes it, and (with witnesses) one the quorum cosigned; polled every 5 ms, the
     * checkpoints straight from ledger-service's database.
     */
    private Lag projectionLag(int perSecond) throws Exception {
        int total = Math.min(units - handedOff, perSecond * 20);
        List<SignedEvent> handoffs = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            handoffs.add(client.sign(
                    new Handoff(
                            client.header(EventType.HANDOFF, brand, brandKey),
                            List.of(unit(handedOff++)),
                            PartyId.of(depot)),
                    brandKey));
        }
        int quorum = TlogBench.witnesses();
        Map<Long, Pending> recorded = new ConcurrentHashMap<>();
        // auto-resizing: an overloaded service may take minutes
        var lag = new Lag(new Histogram(3), new Histogram(3), new Histogram(3));
        var done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread poller = new Thread(() -> {
            try (var checkpoints = TlogBench.Checkpoints.open(quorum)) {
                long deadline = Long.MAX_VALUE;
                while (!recorded.isEmpty() || !done.get()) {
                    if (done.get() && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + 60_000_000_000L;
                    }
                    if (System.nanoTime() > deadline) {
                        return;
                    }
                    long projected = projectedSeq(scan);
                    long[] sizes = checkpoints.sizes();
                    Instant now = Instant.now();
                    recorded.entrySet().removeIf(e -> {
                        Pending p = e.getValue();
                        long micros =
                                Math.max(0, Duration.between(p.recordTime, now).toNanos() / 1000);
                        synchronized (lag) {
                            if (!p.visible && e.getKey() <= projected) {
                                p.visible = true;
                                lag.visible().recordValue(micros);
                            }
                            if (!p.signed && e.getKey() <= sizes[0]) {
                                p.signed = true;
                                lag.signed().recordValue(micros);
                            }
                            if (!p.cosigned && quorum > 0 && e.getKey() <= sizes[1]) {
                                p.cosigned = true;
                                lag.cosigned().recordValue(micros);
                            }
                        }
                        return p.visible && p.signed && (p.cosigned || quorum == 0);
                    });
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.sql.SQLException e) {
                System.out.println("the checkpoint poller failed: " + e.getMessage());
            }
        });
        poller.start();
        int perBatch = Math.max(1, perSecond / 10);
        long start = System.nanoTime();
        var requests = new ArrayList<CompletableFuture<Void>>();
        for (int i = 0, tick = 0; i < total; i += perBatch, tick++) {
            long wait = start + tick * 100_000_000L - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            List<SignedEvent> batch = handoffs.subList(i, Math.min(total, i + perBatch));
            requests.add(CompletableFuture.runAsync(() -> {
                for (JsonNode result : client.submitBatch(batch)) {
                    if (result.path("status").asInt() == 201) {
                        recorded.put(
                                result.path("seq").asLong(),
                                new Pending(
                                        Instant.parse(result.path("recordTime").asText())));
                    }
                }
            }));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
        done.set(true);
        poller.join(90_000);
        return lag;
    }
}
