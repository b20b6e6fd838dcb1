package dev.custodyledger.cli;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.CustodyEvent;
import dev.custodyledger.core.event.SignedEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where events go, and how: signs, shows (--dry-run) or submits, and turns the answer into an exit code. */
final class LedgerTarget {
    @Option(
            names = "--ledger",
            defaultValue = "${CUSTODY_LEDGER_URL:-http://127.0.0.1:8081}",
            description = "ledger-service base URL (default: ${DEFAULT-VALUE})")
    String ledger;

    @Option(names = "--dry-run", description = "print the canonical bytes and event id; submit nothing")
    boolean dryRun;

    int signAndSubmit(CustodyEvent event, Ed25519PrivateKey key) throws IOException, InterruptedException {
        return submit(SignedEvent.sign(event, key));
    }

    int submit(SignedEvent signed) throws IOException, InterruptedException {
        if (dryRun) {
            System.out.println("canonical  " + new String(signed.canonicalBytes(), StandardCharsets.UTF_8));
            System.out.println("eventId    " + signed.id());
            System.out.println("envelope   " + new String(signed.envelopeBytes(), StandardCharsets.UTF_8));
            return 0;
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(ledger.replaceAll("/+$", "") + "/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.envelopeBytes()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new IOException("cannot reach the ledger at " + ledger + " (is it running? ./stack status)");
        }
        System.out.println(response.statusCode() + " " + response.body());
        return response.statusCode() == 201 || response.statusCode() == 202 ? 0 : CustodyCli.REJECTED;
    }
}
