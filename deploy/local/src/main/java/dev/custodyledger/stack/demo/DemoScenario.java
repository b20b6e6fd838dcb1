package dev.custodyledger.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Base64Url;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.event.CustodyEvent;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.CustodyEvent.KeyAdded;
import dev.custodyledger.core.event.CustodyEvent.Pack;
import dev.custodyledger.core.event.CustodyEvent.PartyRegistered;
import dev.custodyledger.core.event.CustodyEvent.Recall;
import dev.custodyledger.core.event.CustodyEvent.Receive;
import dev.custodyledger.core.event.CustodyEvent.Sell;
import dev.custodyledger.core.event.CustodyEvent.Unpack;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.CheckDigit;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.gs1.Sscc;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A supply chain built through the public APIs, as its parties would: the operator registers a brand owner, a
 * logistics firm, a distributor and two retailers; the brand prints 1,000 labels with label-service and
 * commissions them; cases go on a pallet, travel, are unpacked at the distributor and sold in shops; a second
 * lot is recalled; a counterfeit code was never commissioned; a genuine code is copied and scanned in several
 * cities. Running it again on the same ledger adds new batches and reuses the parties and keys.
 */
public final class DemoScenario {
    public static final String BRAND = "acme-foods";
    static final String PREFIX = "9506000";
    public static final Gtin GTIN = Gtin.of("0" + PREFIX + "13435" + CheckDigit.compute("0" + PREFIX + "13435"));

    /** Where the services are. */
    public record Services(String ledger, String scan, String label) {}

    /** The codes to open in a browser, one per situation, and the units whose histories tell the story. */
    public record Result(
            String genuine,
            String sold,
            String recalled,
            String counterfeit,
            String cloned,
            String inWarehouse,
            String batch,
            List<ItemCode> soldUnits,
            ContainerCode pallet) {}

    private final Services services;
    private final Ed25519PrivateKey operator;
    private final Path keyDir;
    private final Consumer<String> log;
    private final SecureRandom random = new SecureRandom();
    private final String run =
            Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase(Locale.ROOT);

    public DemoScenario(Services services, Ed25519PrivateKey operator, Path keyDir, Consumer<String> log) {
        this.services = services;
        this.operator = operator;
        this.keyDir = keyDir;
        this.log = log;
    }

    public Result run() {
        log.accept("parties: an operator, a brand owner, a logistics firm, a distributor, two retailers");
        var acme = party(BRAND, "ACME Foods", Role.PRODUCER, PREFIX, new Location("Lyon", "FR"));
        var swift = party("swift-logistics", "Swift Logistics", Role.LOGISTICS, null, new Location("Rotterdam", "NL"));
        var central = party(
                "central-distribution",
                "Central Distribution",
                Role.DISTRIBUTOR,
                null,
                new Location("Frankfurt", "DE"));
        var fresh = party("fresh-mart", "Fresh Mart", Role.RETAILER, null, new Location("Berlin", "DE"));
        var corner = party("corner-shop", "Corner Shop", Role.RETAILER, null, new Location("Munich", "DE"));

        String credential = credential(BRAND, Role.PRODUCER);
        producerKey(credential, KeyPurpose.LABEL);
        producerKey(credential, KeyPurpose.CUSTODY);
        log.accept("labels: 1,000 units of lot L" + run + " and 20 of lot R" + run
                + ", printed and commissioned by label-service");
        Labels main = batch(credential, "L" + run, 1_000);
        Labels recalledLot = batch(credential, "R" + run, 20);

        log.accept(
                "logistics: two cases on a pallet, Lyon → Rotterdam → Frankfurt, unpacked, on to two shops, some sold");
        List<ItemCode> units = main.units();
        ContainerCode case1 = container(1);
        ContainerCode case2 = container(2);
        ContainerCode pallet = container(3);
        acme.submit(EventType.PACK, h -> new Pack(h, case1, List.<UnitCode>copyOf(units.subList(0, 24))));
        acme.submit(EventType.PACK, h -> new Pack(h, case2, List.<UnitCode>copyOf(units.subList(24, 48))));
        acme.submit(EventType.PACK, h -> new Pack(h, pallet, List.of(case1, case2)));
        acme.submit(EventType.HANDOFF, h -> new Handoff(h, List.of(pallet), swift.id()));
        swift.submit(EventType.RECEIVE, h -> new Receive(h, List.of(pallet)));
        swift.submit(EventType.HANDOFF, h -> new Handoff(h, List.of(pallet), central.id()));
        central.submit(EventType.RECEIVE, h -> new Receive(h, List.of(pallet)));
        central.submit(EventType.UNPACK, h -> new Unpack(h, pallet, List.of()));
        central.submit(EventType.UNPACK, h -> new Unpack(h, case1, List.of()));
        central.submit(EventType.HANDOFF, h -> new Handoff(h, List.<UnitCode>copyOf(units.subList(0, 12)), fresh.id()));
        central.submit(
                EventType.HANDOFF, h -> new Handoff(h, List.<UnitCode>copyOf(units.subList(12, 24)), corner.id()));
        fresh.submit(EventType.RECEIVE, h -> new Receive(h, List.<UnitCode>copyOf(units.subList(0, 12))));
        corner.submit(EventType.RECEIVE, h -> new Receive(h, List.<UnitCode>copyOf(units.subList(12, 24))));
        List<ItemCode> sold = List.of(units.get(0), units.get(1), units.get(2), units.get(12));
        fresh.submit(EventType.SELL, h -> new Sell(h, List.copyOf(units.subList(0, 3))));
        corner.submit(EventType.SELL, h -> new Sell(h, List.of(units.get(12))));

        log.accept("recall: lot R" + run + " is recalled by its brand");
        acme.submit(
                EventType.RECALL,
                h -> new Recall(h, GTIN, Lot.of("R" + run), List.of(), "possible contamination, lot R" + run));

        log.accept("a copied label: the code of one unit on Fresh Mart's shelf is scanned in five cities");
        String cloned = main.payloads().get(5);
        String[][] places = {
            {"Berlin", "DE"}, {"Madrid", "ES"}, {"Lagos", "NG"}, {"Shanghai", "CN"}, {"São Paulo", "BR"}
        };
        for (int i = 0; i < places.length; i++) {
            Api.expect(
                    Api.post(
                            services.scan() + "/v1/scans",
                            "{\"code\":" + json(cloned) + ",\"context\":\"consumer\",\"device\":\"phone-" + run + "-"
                                    + i + "\",\"city\":\"" + places[i][0] + "\",\"country\":\"" + places[i][1] + "\"}",
                            null),
                    202,
                    "recording a scan");
        }
        String counterfeit = services.scan() + "/01/" + GTIN.value() + "/10/L" + run + "/21/FAKE" + run + "?17="
                + ScannedCode.parse(main.payloads().get(0)).expiry().value();
        awaitScanService(cloned);
        return new Result(
                main.payloads().get(6),
                main.payloads().get(0),
                recalledLot.payloads().get(0),
                counterfeit,
                cloned,
                main.payloads().get(30),
                main.batch(),
                sold,
                pallet);
    }

    /** A party of the demo: registered once by the operator, with a custody key kept in the demo's key folder. */
    final class Party {
        private final PartyId id;
        private final Ed25519PrivateKey key;
        private final Location location;

        Party(PartyId id, Ed25519PrivateKey key, Location location) {
            this.id = id;
            this.key = key;
            this.location = location;
        }

        PartyId id() {
            return id;
        }

        void submit(EventType type, Function<EventHeader, CustodyEvent> event) {
            Api.submit(services.ledger(), SignedEvent.sign(event.apply(header(type, id, key, location)), key));
        }
    }

    private Party party(String id, String name, Role role, String prefix, Location place) {
        Ed25519PrivateKey key = localKey(id);
        boolean known = Api.get(services.ledger() + "/v1/parties/" + id, null).status() == 200;
        if (!known) {
            var profile = new PartyProfile(
                    PartyId.of(id),
                    name,
                    List.of(role),
                    prefix == null ? List.of() : List.of(new CompanyPrefix(prefix)),
                    null,
                    place);
            Api.submit(
                    services.ledger(),
                    SignedEvent.sign(
                            new PartyRegistered(operatorHeader(EventType.PARTY_REGISTERED), profile), operator));
            register(id, key.publicKey(), KeyPurpose.CUSTODY);
        }
        return new Party(PartyId.of(id), key, place);
    }

    private void register(String party, Ed25519PublicKey key, KeyPurpose purpose) {
        Api.submit(
                services.ledger(),
                SignedEvent.sign(
                        new KeyAdded(operatorHeader(EventType.KEY_ADDED), PartyId.of(party), key, purpose), operator));
    }

    /** The party's custody key in the demo's folder (unencrypted: a development stack), made on first use. */
    private Ed25519PrivateKey localKey(String party) {
        Path file = keyDir.resolve(party + ".key.pem");
        try {
            if (Files.isRegularFile(file)) {
                return KeyPem.parsePrivateKey(Files.readString(file), null);
            }
            Files.createDirectories(keyDir);
            var key = Ed25519PrivateKey.generate(random);
            Files.writeString(file, KeyPem.privateKey(key));
            Files.writeString(keyDir.resolve(party + ".pub.pem"), KeyPem.publicKey(key.publicKey()));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A label-service key of the brand that the ledger has registered: reused, or generated and registered. */
    private void producerKey(String credential, KeyPurpose purpose) {
        for (JsonNode key : Api.expect(Api.get(services.label() + "/v1/keys", credential), 200, "listing keys")) {
            if (key.path("purpose").asText().equals(purpose.wire())
                    && key.path("ledgerStatus").asText().equals("REGISTERED")) {
                return;
            }
        }
        JsonNode key = Api.expect(
                Api.post(services.label() + "/v1/keys", "{\"purpose\":\"" + purpose.wire() + "\"}", credential),
                201,
                "a new key");
        register(BRAND, Ed25519PublicKey.ofBase64Url(key.path("publicKey").asText()), purpose);
        String id = key.path("keyId").asText();
        await(
                "label-service to see key " + id + " registered",
                () -> Api.get(services.label() + "/v1/keys/" + id, credential)
                        .body()
                        .path("ledgerStatus")
                        .asText()
                        .equals("REGISTERED"));
    }

    record Labels(String batch, List<ItemCode> units, List<String> payloads) {}

    private Labels batch(String credential, String lot, int quantity) {
        String body = "{\"gtin\":\"" + GTIN.value() + "\",\"lot\":\"" + lot + "\",\"expiry\":\""
                + LocalDate.now().plusYears(2) + "\",\"quantity\":" + quantity
                + ",\"product\":{\"name\":\"Infant formula 800 g\",\"brand\":\"ACME\"}}";
        String id = Api.expect(Api.post(services.label() + "/v1/label-batches", body, credential), 202, "a label batch")
                .path("id")
                .asText();
        String self = services.label() + "/v1/label-batches/" + id;
        await("batch " + id + " allocated", () -> status(self, credential).equals("ALLOCATED"));
        Api.expect(Api.post(self + "/commission", "", credential), 202, "commissioning");
        await("batch " + id + " commissioned", () -> {
            String status = status(self, credential);
            if (status.equals("FAILED")) {
                throw new IllegalStateException("commissioning failed: "
                        + Api.get(self, credential).body().path("failure"));
            }
            return status.equals("COMMISSIONED");
        });
        var units = new ArrayList<ItemCode>();
        var payloads = new ArrayList<String>();
        String csv = Api.text(self + "/labels?format=csv", credential);
        for (String line : csv.split("\r\n")) {
            if (line.startsWith("index,") || line.isBlank()) {
                continue;
            }
            String payload = line.substring(line.lastIndexOf(',') + 1);
            payloads.add(payload);
            units.add((ItemCode) ScannedCode.parse(payload).unit());
        }
        return new Labels(id, units, payloads);
    }

    private static String status(String batchUrl, String credential) {
        return Api.get(batchUrl, credential).body().path("status").asText();
    }

    /** Until scan-service has folded everything ledger-service has and judged the copied code. */
    private void awaitScanService(String cloned) {
        long head = Api.get(services.ledger() + "/v1/ledger/head", null)
                .body()
                .path("seq")
                .asLong();
        await(
                "scan-service to fold the ledger",
                () -> Api.get(services.scan() + "/v1/ledger/head", null)
                                .body()
                                .path("projectedSeq")
                                .asLong()
                        >= head);
        String verify = services.scan() + "/v1/verify?code=" + URLEncoder.encode(cloned, StandardCharsets.UTF_8);
        await(
                "the clone detector to flag the copied code",
                () -> Api.get(verify, null).body().path("verdict").asText().equals("SUSPECT"));
    }

    private String credential(String party, Role role) {
        Instant now = Instant.now();
        return new PartyCredential(
                        PartyId.of(party), List.of(role), now.minusSeconds(5), now.plusSeconds(3600), "demo-" + run)
                .sign(operator);
    }

    private EventHeader operatorHeader(EventType type) {
        return header(type, PartyId.of("operator"), operator, null);
    }

    private EventHeader header(EventType type, PartyId actor, Ed25519PrivateKey key, Location location) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        return new EventHeader(
                type,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                actor,
                key.keyId(),
                Base64Url.encode(nonce),
                location);
    }

    private ContainerCode container(int n) {
        String body = "0" + PREFIX + String.format("%09d", (System.currentTimeMillis() / 1000 % 10_000_000) * 10 + n);
        body = body.substring(0, 17);
        return new ContainerCode(new Sscc(body + CheckDigit.compute(body)));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
