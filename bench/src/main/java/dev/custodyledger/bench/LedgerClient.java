package dev.custodyledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custodyledger.core.credential.PartyCredential;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.event.CustodyEvent;
import dev.custodyledger.core.event.CustodyEvent.KeyAdded;
import dev.custodyledger.core.event.CustodyEvent.PartyRegistered;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.event.PartyProfile;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/** What the benchmarks need of ledger-service: the stack's operator key, onboarding, signed headers, submission. */
final class LedgerClient {
    /**
     * HTTP/1.1 with keep-alive, as wrk and most clients speak it. The JDK client's HTTP/2 (h2c) multiplexes every
     * request of a driver on one connection, whose shared flow-control window stalled request bodies under load.
     */
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(8))
            .build();

    static final ObjectMapper JSON = new ObjectMapper();

    final String ledger = System.getenv().getOrDefault("CUSTODY_LEDGER_URL", "http://127.0.0.1:8081");
    private final Ed25519PrivateKey operator;
    private long nonce;

    private LedgerClient(Ed25519PrivateKey operator) {
        this.operator = operator;
    }

    /** With the local stack's operator key ({@code CUSTODY_OPERATOR_KEY} to point elsewhere). */
    static LedgerClient forLocalStack() throws IOException {
        Path keyFile =
                Path.of(System.getenv().getOrDefault("CUSTODY_OPERATOR_KEY", ".stack/operator/operator.key.pem"));
        return new LedgerClient(KeyPem.parsePrivateKey(Files.readString(keyFile), null));
    }

    /** Registers a party with one role (and company prefix, if given) and its custody key. */
    void onboard(String party, Role role, String prefix, Location place, Ed25519PrivateKey custodyKey)
            throws IOException, InterruptedException {
        submitOne(SignedEvent.sign(
                new PartyRegistered(
                        header(EventType.PARTY_REGISTERED, "operator", operator),
                        new PartyProfile(
                                PartyId.of(party),
                                "Bench " + party,
                                List.of(role),
                                prefix == null ? List.of() : List.of(new CompanyPrefix(prefix)),
                                null,
                                place)),
                operator));
        submitOne(SignedEvent.sign(
                new KeyAdded(
                        header(EventType.KEY_ADDED, "operator", operator),
                        PartyId.of(party),
                        custodyKey.publicKey(),
                        KeyPurpose.CUSTODY),
                operator));
    }

    /** Registers one more key of {@code party}, as the operator does with {@code custody operator add-key}. */
    void addKey(String party, Ed25519PublicKey key, KeyPurpose purpose) throws IOException, InterruptedException {
        submitOne(SignedEvent.sign(
                new KeyAdded(header(EventType.KEY_ADDED, "operator", operator), PartyId.of(party), key, purpose),
                operator));
    }

    /** A party credential for an hour, signed with the stack's operator key. */
    String credential(String party, Role role) {
        Instant now = Instant.now();
        return new PartyCredential(
                        PartyId.of(party), List.of(role), now.minusSeconds(5), now.plusSeconds(3600), "bench-" + now)
                .sign(operator);
    }

    synchronized EventHeader header(EventType type, String actor, Ed25519PrivateKey key) {
        return new EventHeader(
                type,
                Instant.now().truncatedTo(ChronoUnit.MILLIS),
                PartyId.of(actor),
                key.keyId(),
                String.format("b%015d", ++nonce),
                null);
    }

    SignedEvent sign(CustodyEvent event, Ed25519PrivateKey key) {
        return SignedEvent.sign(event, key);
    }

    void submitOne(SignedEvent event) throws IOException, InterruptedException {
        var response = HTTP.send(request("/v1/events", event.envelopeBytes()), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    event + " was not accepted: " + response.statusCode() + " " + response.body());
        }
    }

    /** Submits a batch; the {@code results} array of the answer, one per event in order. */
    JsonNode submitBatch(List<SignedEvent> events) {
        try {
            return submitBatch(batchBody(events));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A batch request's body: the envelopes as one JSON array. */
    static byte[] batchBody(List<SignedEvent> events) {
        return events.stream()
                .map(e -> new String(e.envelopeBytes(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(",", "[", "]"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Submits a batch body; the {@code results} array of the answer; throws when the service does not answer 200. */
    JsonNode submitBatch(byte[] body) throws IOException, InterruptedException {
        var response = HTTP.send(request("/v1/events/batch", body), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("batch answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).get("results");
    }

    HttpRequest request(String path, byte[] body) {
        return HttpRequest.newBuilder(URI.create(ledger + path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    static JsonNode get(String url) {
        try {
            return JSON.readTree(
                    HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                            .body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        }
    }
}
