package dev.custodyledger.system.chaos;

import static dev.custodyledger.core.testing.Gs1Fixtures.container;
import static dev.custodyledger.core.testing.Gs1Fixtures.gtin;
import static dev.custodyledger.core.testing.Gs1Fixtures.item;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.TestLedger;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Concurrent clients through the front, each a brand with its own depot and shop, doing what the ledger's users
 * do: commission small lots and move them along pack, hand-off, receive, unpack and sell; recall a lot; hand the
 * same unit to two parties at once; resubmit what they sent before; verify and scan codes, known and unknown.
 * A client retries an undecided event (202, 5xx, no answer) with the same bytes, as a real client must, and
 * builds a fresh event for a step that was refused. Each client draws from its own seed; what it hears decides
 * what it does next, so the same seed gives a similar workload, not the same one. Every request is recorded.
 */
final class Workload {
    private static final String[] CITIES = {"Lyon", "Hamburg"};

    private final TestLedger ledger;
    private final String ledgerUrl;
    private final String scanUrl;
    private final History history;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Workload(TestLedger ledger, String ledgerUrl, String scanUrl, History history) {
        this.ledger = ledger;
        this.ledgerUrl = ledgerUrl;
        this.scanUrl = scanUrl;
        this.history = history;
    }

    /** Registers every client's parties and the rival distributor, through the front, before the faults begin. */
    void onboard(int clients) {
        var events = new ArrayList<SignedEvent>();
        events.addAll(sign(() -> ledger.onboard("rival", Role.DISTRIBUTOR)));
        for (int c = 0; c < clients; c++) {
            int client = c;
            events.addAll(sign(() -> ledger.onboard(brand(client), Role.PRODUCER, prefix(client))));
            events.addAll(sign(() -> ledger.onboard(depot(client), Role.DISTRIBUTOR)));
            events.addAll(sign(() -> ledger.onboard(shop(client), Role.RETAILER)));
        }
        for (SignedEvent e : events) {
            new Client(-1, 0).until(e, 40);
        }
    }

    /** Runs {@code clients} clients until {@code deadline} (System.currentTimeMillis()). */
    void run(int clients, long seed, long deadline) {
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            var client = new Client(c, seed * 1_000_003L + c);
            threads.add(Thread.ofPlatform().name("client-" + c).start(() -> client.run(deadline)));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String brand(int client) {
        return "brand-" + client;
    }

    static String depot(int client) {
        return "depot-" + client;
    }

    static String shop(int client) {
        return "shop-" + client;
    }

    private static String prefix(int client) {
        return String.format("95061%02d", client);
    }

    /** Signs under the shared test ledger, whose clock is kept a little behind the broker's. */
    private <T> T sign(Supplier<T> build) {
        synchronized (ledger) {
            Instant behind = Instant.now().minusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            if (ledger.now().isBefore(behind)) {
                ledger.advance(Duration.between(ledger.now(), behind));
            }
            return build.get();
        }
    }

    /** Where a lot is on its way; each stage's event moves it to the next. */
    private enum Stage {
        MADE,
        SHIPPED_TO_DEPOT,
        AT_DEPOT,
        PACKED,
        SHIPPED_TO_SHOP,
        AT_SHOP,
        UNPACKED,
        SOLD
    }

    /** A small lot going down the chain, the event that moves it on and how often that step was tried. */
    private static final class Chain {
        final String lot;
        final List<ItemCode> units;
        final ContainerCode box;
        Stage stage;
        SignedEvent pending;
        int tries;

        Chain(String lot, List<ItemCode> units, ContainerCode box) {
            this.lot = lot;
            this.units = units;
            this.box = box;
        }
    }

    /** What an answer means to the client that sent the event. */
    private enum Heard {
        ACCEPTED,
        NOT_TAKEN,
        UNDECIDED
    }

    private final class Client {
        final int id;
        final Random random;
        final Gtin gtin;
        final List<Chain> chains = new ArrayList<>();
        final List<SignedEvent> sent = new ArrayList<>();
        final List<UnitCode> known = new ArrayList<>();
        int lots;
        int serial;

        Client(int id, long seed) {
            this.id = id;
            this.random = new Random(seed);
            this.gtin = id < 0 ? null : gtin(prefix(id), 1);
        }

        void run(long deadline) {
            while (System.currentTimeMillis() < deadline) {
                int roll = random.nextInt(100);
                if (roll < 40) {
                    advance();
                } else if (roll < 45) {
                    conflict();
                } else if (roll < 50) {
                    resubmit();
                } else if (roll < 53) {
                    recall();
                } else if (roll < 90) {
                    verify();
                } else {
                    scan();
                }
            }
        }

        /** Moves a lot one step, or starts a new one when there are few. */
        void advance() {
            chains.removeIf(c -> c.stage == Stage.SOLD || c.tries > 4);
            if (chains.size() < 3) {
                commissionLot();
                return;
            }
            Chain chain = chains.get(random.nextInt(chains.size()));
            if (chain.pending == null) {
                chain.pending = next(chain);
                chain.tries = 0;
            }
            chain.tries++;
            switch (submit(chain.pending, Op.Kind.SUBMIT)) {
                case ACCEPTED -> {
                    chain.stage = Stage.values()[chain.stage.ordinal() + 1];
                    chain.pending = null;
                }
                case NOT_TAKEN -> chain.pending = null;
                case UNDECIDED -> {
                    // the same bytes again next time
                }
            }
        }

        void commissionLot() {
            String lot = "L" + id + "-" + (++lots);
            var units = new ArrayList<ItemCode>();
            for (int i = 1 + random.nextInt(4); i > 0; i--) {
                units.add(item(gtin, "C" + id + "S" + (++serial)));
            }
            var chain = new Chain(lot, units, container(prefix(id), lots));
            if (until(sign(() -> ledger.commission(brand(id), lot, units)), 6)) {
                chain.stage = Stage.MADE;
                chains.add(chain);
                known.addAll(units);
                known.add(chain.box);
            }
        }

        SignedEvent next(Chain c) {
            ItemCode[] items = c.units.toArray(ItemCode[]::new);
            return sign(() -> switch (c.stage) {
                case MADE -> ledger.handoff(brand(id), depot(id), items);
                case SHIPPED_TO_DEPOT -> ledger.receive(depot(id), items);
                case AT_DEPOT -> ledger.pack(depot(id), c.box, items);
                case PACKED -> ledger.handoff(depot(id), shop(id), c.box);
                case SHIPPED_TO_SHOP -> ledger.receive(shop(id), c.box);
                case AT_SHOP -> ledger.unpack(shop(id), c.box, items);
                case UNPACKED -> ledger.sell(shop(id), items);
                case SOLD -> throw new IllegalStateException("a sold lot has no next step");
            });
        }

        /** One unit, commissioned, then handed to the client's depot and to the rival at the same moment. */
        void conflict() {
            ItemCode unit = item(gtin, "C" + id + "S" + (++serial));
            String lot = "L" + id + "-" + (++lots);
            if (!until(sign(() -> ledger.commission(brand(id), lot, unit)), 6)) {
                return;
            }
            known.add(unit);
            SignedEvent mine = sign(() -> ledger.handoff(brand(id), depot(id), unit));
            SignedEvent theirs = sign(() -> ledger.handoff(brand(id), "rival", unit));
            var first = CompletableFuture.supplyAsync(() -> submit(mine, Op.Kind.SUBMIT));
            var second = CompletableFuture.supplyAsync(() -> submit(theirs, Op.Kind.SUBMIT));
            CompletableFuture.allOf(first, second).join();
        }

        void resubmit() {
            if (!sent.isEmpty()) {
                submit(sent.get(random.nextInt(sent.size())), Op.Kind.RESUBMIT);
            }
        }

        void recall() {
            if (chains.isEmpty()) {
                return;
            }
            Chain chain = chains.remove(random.nextInt(chains.size()));
            submit(sign(() -> ledger.recallLot(brand(id), gtin, chain.lot)), Op.Kind.SUBMIT);
        }

        /** Submits until the event is decided; whether it was accepted. */
        boolean until(SignedEvent event, int tries) {
            for (int i = 0; i < tries; i++) {
                Heard heard = submit(event, i == 0 ? Op.Kind.SUBMIT : Op.Kind.RESUBMIT);
                if (heard != Heard.UNDECIDED) {
                    return heard == Heard.ACCEPTED;
                }
                ChaosCluster.sleep(500);
            }
            return false;
        }

        Heard submit(SignedEvent event, Op.Kind kind) {
            synchronized (sent) {
                if (kind == Op.Kind.SUBMIT && id >= 0) {
                    sent.add(event);
                    if (sent.size() > 500) {
                        sent.remove(0);
                    }
                }
            }
            String type = event.event().type().name();
            String eventId = event.id().toString();
            long start = System.currentTimeMillis();
            HttpResponse<String> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(URI.create(ledgerUrl + "/v1/events"))
                                .timeout(Duration.ofSeconds(35))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(event.envelopeBytes()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                record(kind, type, start, 0, eventId, null, "NO_ANSWER", -1, null, null, false, List.of());
                return Heard.UNDECIDED;
            }
            JsonNode body = parse(response.body());
            int status = response.statusCode();
            String answer = text(body, status < 300 ? "outcome" : "code");
            long seq = body.path("seq").asLong(-1);
            String disposition = text(body, "disposition");
            record(kind, type, start, status, eventId, null, answer, seq, disposition, null, false, List.of());
            if (status == 201) {
                return Heard.ACCEPTED;
            }
            return disposition != null ? Heard.NOT_TAKEN : Heard.UNDECIDED;
        }

        void verify() {
            String code;
            if (known.isEmpty() || random.nextInt(10) == 0) {
                code = item(gtin(prefix(Math.max(id, 0)), 2), "NEVER" + random.nextInt(1000))
                        .path();
            } else {
                code = known.get(known.size() - 1 - random.nextInt(Math.min(known.size(), 400)))
                        .path();
            }
            long start = System.currentTimeMillis();
            HttpResponse<String> response;
            try {
                response = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        scanUrl + "/v1/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(35))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                record(Op.Kind.VERIFY, "verify", start, 0, null, code, "NO_ANSWER", -1, null, null, false, List.of());
                return;
            }
            JsonNode body = parse(response.body());
            var reasons = new ArrayList<String>();
            for (Iterator<JsonNode> it = body.path("reasons").elements(); it.hasNext(); ) {
                reasons.add(it.next().path("code").asText());
            }
            JsonNode held = body.path("heldBy");
            record(
                    Op.Kind.VERIFY,
                    "verify",
                    start,
                    response.statusCode(),
                    null,
                    code,
                    // a verify answers UNAVAILABLE with 503; other problems carry their code
                    text(body, "verdict") != null ? text(body, "verdict") : text(body, "code"),
                    body.path("ledgerSeq").asLong(-1),
                    null,
                    text(held, "name"),
                    held.path("inTransit").asBoolean(false),
                    reasons);
        }

        void scan() {
            if (known.isEmpty()) {
                return;
            }
            String code = known.get(random.nextInt(known.size())).path();
            String body = String.format(
                    "{\"code\":\"%s\",\"context\":\"consumer\",\"device\":\"device-%d-%d\",\"city\":\"%s\","
                            + "\"country\":\"DE\"}",
                    code, id, random.nextInt(3), CITIES[random.nextInt(CITIES.length)]);
            long start = System.currentTimeMillis();
            int status;
            try {
                status = http.send(
                                HttpRequest.newBuilder(URI.create(scanUrl + "/v1/scans"))
                                        .timeout(Duration.ofSeconds(35))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException | InterruptedException e) {
                status = 0;
            }
            record(Op.Kind.SCAN, "scan", start, status, null, code, null, -1, null, null, false, List.of());
        }

        void record(
                Op.Kind kind,
                String type,
                long start,
                int status,
                String eventId,
                String unit,
                String answer,
                long seq,
                String disposition,
                String holder,
                boolean inTransit,
                List<String> reasons) {
            history.add(new Op(
                    id,
                    kind,
                    type,
                    start,
                    System.currentTimeMillis(),
                    status,
                    eventId,
                    unit,
                    answer,
                    seq,
                    disposition,
                    holder,
                    inTransit,
                    reasons));
        }
    }

    private static JsonNode parse(String body) {
        try {
            return StrictJson.parse(body.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
