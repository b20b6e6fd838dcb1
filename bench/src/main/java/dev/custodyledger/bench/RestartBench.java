package dev.custodyledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.CustodyEvent.Receive;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * ledger-service restarted under load: four clients keep sending batches of 1,000 single-unit events; after
 * {@link #STEADY} of that (the steady rate, measured by the same driver on the same stack) {@code ./stack restart
 * ledger-service} stops it (SIGTERM) and starts it again while the clients retry; from the moment it is ready again,
 * the events accepted in the next {@link #FIRST_MINUTE} are its rate in the first minute, reported as a share of the
 * steady rate. The time from the restart to ready (the JVM's start and the fold's restore) is reported beside it.
 *
 * <p>The events are custody chains of a few units each, walked in rounds (the brand hands every unit to one depot,
 * the depot receives them, hands them to another, which receives them, and back), so that a round's event for a unit
 * is folded long before the next round's reaches intake. All are signed before the clock starts.
 */
final class RestartBench {
    private static final Duration STEADY = Duration.ofSeconds(30);
    private static final Duration FIRST_MINUTE = Duration.ofSeconds(60);
    private static final int UNITS = 40_000;
    private static final int BATCH = 1000;
    private static final int CLIENTS = 4;

    private final LedgerClient client;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final String brand = "restart-brand-" + run;
    private final List<String> depots = List.of("restart-a-" + run, "restart-b-" + run);
    private final String prefix = "97" + (10000 + (int) (System.nanoTime() % 89999 + 89999) % 89999);
    private final Ed25519PrivateKey brandKey = Ed25519PrivateKey.generate();
    private final List<Ed25519PrivateKey> depotKeys =
            List.of(Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate());

    /** A batch answered: when, and how many of its events were accepted. */
    private record Answered(long nanos, int accepted) {}

    private RestartBench(LedgerClient client) {
        this.client = client;
    }

    /** Alone against the local stack: {@code [expected batch rate]}, which sizes the pre-signed load. */
    public static void main(String[] args) throws Exception {
        measure(args.length > 0 ? Double.parseDouble(args[0]) : 5000);
        System.exit(0);
    }

    /** {@code expectedRate}: the batch rate measured earlier in the run, which sizes the pre-signed load. */
    static Figures measure(double expectedRate) throws Exception {
        return new RestartBench(LedgerClient.forLocalStack()).run(expectedRate);
    }

    private Figures run(double expectedRate) throws Exception {
        client.onboard(brand, Role.PRODUCER, prefix, null, brandKey);
        for (int i = 0; i < depots.size(); i++) {
            client.onboard(depots.get(i), Role.DISTRIBUTOR, null, null, depotKeys.get(i));
        }
        List<ItemCode> items = commission();
        // Enough for the steady window, the restart and the first minute at a third more than the rate seen so far.
        long seconds = STEADY.toSeconds() + FIRST_MINUTE.toSeconds() + 60;
        int batches = (int) Math.ceil(expectedRate * 1.33 * seconds / BATCH);
        System.out.printf("restart: pre-signing %,d events ... ", batches * BATCH);
        List<byte[]> bodies = bodies(items, batches);
        System.out.println("done");

        var answered = new ConcurrentLinkedQueue<Answered>();
        var next = new AtomicInteger();
        var stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> drive(bodies, next, stop, answered));
        }
        TimeUnit.NANOSECONDS.sleep(STEADY.toNanos());
        long steadyEnd = System.nanoTime();
        Process restart = new ProcessBuilder(Path.of("stack").toAbsolutePath().toString(), "restart", "ledger-service")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        waitUntilDown();
        long ready = waitUntilReady();
        TimeUnit.NANOSECONDS.sleep(ready + FIRST_MINUTE.toNanos() - System.nanoTime());
        long end = System.nanoTime();
        stop.set(true);
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
        restart.waitFor();
        if (next.get() >= bodies.size()) {
            throw new IllegalStateException("the pre-signed load ran out before the first minute was over");
        }

        double steady = acceptedBetween(answered, start, steadyEnd) / seconds(steadyEnd - start);
        double firstMinute = acceptedBetween(answered, ready, end) / seconds(end - ready);
        double toReady = seconds(ready - steadyEnd);
        System.out.printf(
                Locale.ROOT,
                "%-52s %,10.0f events/s steady, %,.0f events/s in the first minute after ready (%.2f of steady);"
                        + " ready %.1f s after the restart%n",
                "ledger-service restarted under batch load",
                steady,
                firstMinute,
                firstMinute / steady,
                toReady);
        return new Figures()
                .add(
                        "restart.steady",
                        "accepted events/s under batch load before a ledger-service restart (30 s)",
                        steady,
                        "events/s")
                .add(
                        "restart.first-minute",
                        "accepted events/s in the first minute after the restarted ledger-service is ready",
                        firstMinute,
                        "events/s",
                        "restart.steady",
                        null)
                .add(
                        "restart.share",
                        "first minute after a restart as a share of the steady rate (ratio per run)",
                        firstMinute / steady,
                        "share",
                        null,
                        Figures.atLeast(0.7))
                .add("restart.to-ready", "ledger-service restart (SIGTERM) to ready, under load", toReady, "s");
    }

    /**
     * Each client sends the next batch until told to stop, and sends the same batch again while the service is away
     * or answers that it is catching up (events it had accepted are answered as accepted again, and counted once,
     * when the whole batch is through).
     */
    private void drive(
            List<byte[]> bodies, AtomicInteger next, AtomicBoolean stop, ConcurrentLinkedQueue<Answered> answered) {
        int i = next.getAndIncrement();
        while (!stop.get() && i < bodies.size()) {
            try {
                JsonNode results = client.submitBatch(bodies.get(i));
                int accepted = 0;
                boolean retry = false;
                for (JsonNode r : results) {
                    int status = r.path("status").asInt();
                    accepted += status == 201 ? 1 : 0;
                    retry |= status == 503;
                }
                if (retry) {
                    pause();
                    continue;
                }
                answered.add(new Answered(System.nanoTime(), accepted));
                i = next.getAndIncrement();
            } catch (IOException e) {
                pause(); // refused, or the service is restarting: the same batch again, as a real client does
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long acceptedBetween(ConcurrentLinkedQueue<Answered> answered, long from, long to) {
        return answered.stream()
                .filter(a -> a.nanos() >= from && a.nanos() < to)
                .mapToLong(Answered::accepted)
                .sum();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private void waitUntilDown() throws InterruptedException {
        while (readiness() == 200) {
            Thread.sleep(50);
        }
    }

    /** When the restarted service first answered ready. */
    private long waitUntilReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (readiness() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ledger-service was not ready again within 5 minutes");
            }
            Thread.sleep(50);
        }
        return System.nanoTime();
    }

    private int readiness() throws InterruptedException {
        try {
            return LedgerClient.HTTP
                    .send(
                            HttpRequest.newBuilder(URI.create(client.ledger + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private List<ItemCode> commission() throws IOException, InterruptedException {
        var gtin = Gs1Fixtures.gtin(prefix, 1);
        List<ItemCode> items = IntStream.range(0, UNITS)
                .mapToObj(i -> Gs1Fixtures.item(gtin, "R" + i))
                .toList();
        for (int i = 0; i < UNITS; i += BATCH) {
            client.submitOne(SignedEvent.sign(
                    new Commission(
                            client.header(EventType.COMMISSION, brand, brandKey),
                            items.subList(i, i + BATCH),
                            Lot.of("RESTART"),
                            LocalDate.of(2030, 1, 31),
                            Product.named("Restart benchmark item")),
                    brandKey));
        }
        return items;
    }

    /**
     * {@code count} batch bodies walking the units in rounds: from the brand to depot A, received there, to depot B,
     * received, back to A, and so on. Signed on both cores before anything is measured.
     */
    private List<byte[]> bodies(List<ItemCode> items, int count) {
        int perRound = UNITS / BATCH;
        return IntStream.range(0, count)
                .parallel()
                .mapToObj(b -> {
                    int round = b / perRound;
                    List<ItemCode> chunk = items.subList((b % perRound) * BATCH, (b % perRound + 1) * BATCH);
                    List<SignedEvent> events = new ArrayList<>(BATCH);
                    for (ItemCode item : chunk) {
                        events.add(step(round, item));
                    }
                    return LedgerClient.batchBody(events);
                })
                .toList();
    }

    /** Round 0: the brand hands the unit to depot A; odd rounds: the holder receives; even rounds: it hands on. */
    private SignedEvent step(int round, ItemCode item) {
        List<UnitCode> unit = List.of(item);
        int holder = (round - 1) / 2 % 2; // the depot that received it last (rounds 1, 2: A; 3, 4: B; ...)
        if (round == 0) {
            return SignedEvent.sign(
                    new Handoff(client.header(EventType.HANDOFF, brand, brandKey), unit, PartyId.of(depots.get(0))),
                    brandKey);
        }
        if (round % 2 == 1) {
            int receiver = (round / 2) % 2;
            Ed25519PrivateKey key = depotKeys.get(receiver);
            return SignedEvent.sign(
                    new Receive(client.header(EventType.RECEIVE, depots.get(receiver), key), unit), key);
        }
        Ed25519PrivateKey key = depotKeys.get(holder);
        return SignedEvent.sign(
                new Handoff(
                        client.header(EventType.HANDOFF, depots.get(holder), key),
                        unit,
                        PartyId.of(depots.get(1 - holder))),
                key);
    }
}
