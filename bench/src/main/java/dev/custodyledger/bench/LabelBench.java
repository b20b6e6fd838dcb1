package dev.custodyledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.event.Location;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.Role;
import dev.custodyledger.core.testing.Gs1Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Drives label-service on the local stack and prints, in one run: serials allocated per second for a batch of
 * {@code labels} (default 1,000,000); labels rendered per second as the CSV manifest (the whole batch), a PDF
 * sheet, and SVG and PNG ZIPs (each over a slice), with bytes per label; units commissioned per second through
 * ledger-service; label-service's resident memory before and after (it must stay flat: nothing is held whole);
 * and one printed code verified by scan-service. The bound beside them: BouncyCastle Ed25519 signing on one
 * thread, in the same run (rendering signs every label).
 *
 * <p>{@code ./stack up}, then {@code java -cp bench/target/custody-bench.jar dev.custodyledger.bench.LabelBench
 * [labels] [pdf-labels] [image-labels]}.
 */
public final class LabelBench {
    private final LedgerClient ledger;
    static final String LABEL_URL = System.getenv().getOrDefault("CUSTODY_LABEL_URL", "http://127.0.0.1:8083");
    private final String labelUrl = LABEL_URL;
    private final String scanUrl = System.getenv().getOrDefault("CUSTODY_SCAN_URL", "http://127.0.0.1:8082");
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private final String brand = "labelbench-" + run;
    private final String prefix = "96" + (10000 + ThreadLocalRandom.current().nextInt(89999));
    private final String credential;

    private LabelBench(LedgerClient ledger) {
        this.ledger = ledger;
        this.credential = "Bearer " + ledger.credential(brand, Role.PRODUCER);
    }

    public static void main(String[] args) throws Exception {
        int labels = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int pdfLabels = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int imageLabels = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        new LabelBench(LedgerClient.forLocalStack()).run(labels, pdfLabels, imageLabels);
    }

    /** One measurement on a running stack, with its own producer, keys and batch. */
    static Figures measure(int labels, int pdfLabels, int imageLabels) throws Exception {
        return new LabelBench(LedgerClient.forLocalStack()).run(labels, pdfLabels, imageLabels);
    }

    private Figures run(int labels, int pdfLabels, int imageLabels) throws Exception {
        Ed25519PrivateKey custody = Ed25519PrivateKey.generate();
        ledger.onboard(brand, Role.PRODUCER, prefix, new Location("Lyon", "FR"), custody);
        call(
                "POST",
                "/v1/keys/import",
                "{\"purpose\":\"custody\",\"privateKeyPem\":"
                        + LedgerClient.JSON.writeValueAsString(KeyPem.privateKey(custody)) + "}",
                201);
        JsonNode labelKey = call("POST", "/v1/keys", "{\"purpose\":\"label\"}", 201);
        ledger.addKey(
                brand, Ed25519PublicKey.ofBase64Url(labelKey.get("publicKey").asText()), KeyPurpose.LABEL);
        awaitRegistered(labelKey.get("keyId").asText());
        long rssStart = labelServiceRss();
        // The bounds, measured before the load so the services' folds do not share the cores with them.
        rawSignRate(Duration.ofSeconds(1)); // warm-up: the JIT compiles the hot paths first
        rawQrRate(Duration.ofSeconds(2));
        double signRate = rawSignRate(Duration.ofSeconds(3));
        double qrRate = rawQrRate(Duration.ofSeconds(3));

        String gtin = Gs1Fixtures.gtin(prefix, 1).value();
        long t0 = System.nanoTime();
        JsonNode batch = call(
                "POST",
                "/v1/label-batches",
                "{\"gtin\":\"" + gtin + "\",\"lot\":\"LB" + run.toUpperCase(Locale.ROOT) + "\",\"expiry\":\""
                        + LocalDate.now().plusYears(2) + "\",\"quantity\":" + labels
                        + ",\"product\":{\"name\":\"Bench formula 800 g\",\"brand\":\"Bench\"}}",
                202);
        String id = batch.get("id").asText();
        awaitStatus(id, "ALLOCATED");
        double allocateSeconds = seconds(t0);

        Rendered csv = render(id, "csv", 1, labels);
        Rendered pdf = render(id, "pdf", 1, Math.min(pdfLabels, labels));
        Rendered svg = render(id, "svg", 1, Math.min(imageLabels, labels));
        Rendered png = render(id, "png", 1, Math.min(imageLabels, labels));
        long rssAfterRender = labelServiceRss();

        long t1 = System.nanoTime();
        call("POST", "/v1/label-batches/" + id + "/commission", "", 202);
        awaitStatus(id, "COMMISSIONED");
        double commissionSeconds = seconds(t1);
        String verdict = verifyFirstLabel(id);

        System.out.printf(Locale.ROOT, "%nlabel-service on the local stack, %,d labels (batch %s)%n", labels, id);
        System.out.printf(
                Locale.ROOT, "  allocate   %,10.0f labels/s   (%.1f s)%n", labels / allocateSeconds, allocateSeconds);
        for (Rendered r : new Rendered[] {csv, pdf, svg, png}) {
            System.out.printf(
                    Locale.ROOT,
                    "  render %-4s%,10.0f labels/s   (%,d labels in %.1f s, %.0f bytes/label)  = %.0f %% of its one-thread bound%n",
                    r.format,
                    r.count / r.seconds,
                    r.count,
                    r.seconds,
                    (double) r.bytes / r.count,
                    100 * r.count / r.seconds / (r.format.equals("csv") ? signRate : qrRate));
        }
        System.out.printf(
                Locale.ROOT,
                "  commission %,10.0f units/s    (%.1f s, %d events of <= 10,000 units)%n",
                labels / commissionSeconds,
                commissionSeconds,
                (labels + 9_999) / 10_000);
        System.out.printf(
                Locale.ROOT,
                "  label-service RSS %,d MB before, %,d MB after rendering%n",
                rssStart / 1024,
                rssAfterRender / 1024);
        System.out.printf(Locale.ROOT, "  first printed code at scan-service: %s%n", verdict);
        System.out.printf(
                Locale.ROOT,
                "  bounds, one thread each, before the load: BouncyCastle Ed25519 sign %,.0f/s (csv),"
                        + " ZXing QR encode at level M %,.0f/s (pdf, svg, png); this machine has %d cores%n",
                signRate,
                qrRate,
                Runtime.getRuntime().availableProcessors());
        var figures = new Figures()
                .add("labels.allocate", "labels allocated/s", labels / allocateSeconds, "labels/s")
                .add("bound.qr", "bound: ZXing QR encode, one thread", qrRate, "codes/s");
        for (Rendered r : new Rendered[] {csv, pdf, svg, png}) {
            figures.add(
                    "labels.render." + r.format,
                    "labels rendered/s as " + r.format.toUpperCase(Locale.ROOT) + " (" + r.count + " labels)",
                    r.count / r.seconds,
                    "labels/s",
                    r.format.equals("csv") ? "bound.sign" : "bound.qr",
                    null);
        }
        return figures.add(
                "labels.commission", "units commissioned/s from a label batch", labels / commissionSeconds, "units/s");
    }

    private record Rendered(String format, int count, double seconds, long bytes) {}

    private Rendered render(String id, String format, int from, int to) throws IOException, InterruptedException {
        long start = System.nanoTime();
        var response = LedgerClient.HTTP.send(
                get("/v1/label-batches/" + id + "/labels?format=" + format + "&from=" + from + "&to=" + to),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(format + " answered " + response.statusCode());
        }
        long bytes;
        try (InputStream in = response.body()) {
            bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new Rendered(format, to - from + 1, seconds(start), bytes);
    }

    private String verifyFirstLabel(String id) throws IOException, InterruptedException {
        String csv = LedgerClient.HTTP
                .send(
                        get("/v1/label-batches/" + id + "/labels?format=csv&from=1&to=1"),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String row = csv.split("\r\n")[1];
        String payload = row.substring(row.lastIndexOf(',') + 1);
        String url = scanUrl + "/v1/verify?code=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
        for (int i = 0; i < 600; i++) {
            JsonNode answer = LedgerClient.get(url);
            if (!"UNKNOWN".equals(answer.path("verdict").asText())) {
                return answer.path("verdict").asText() + ", label signature "
                        + answer.path("label").asText();
            }
            Thread.sleep(500);
        }
        return "still UNKNOWN after 5 minutes";
    }

    private void awaitRegistered(String keyId) throws Exception {
        for (int i = 0; i < 120; i++) {
            if (call("GET", "/v1/keys/" + keyId, null, 200)
                    .path("ledgerStatus")
                    .asText()
                    .equals("REGISTERED")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("label-service never saw key " + keyId + " registered");
    }

    private void awaitStatus(String id, String status) throws Exception {
        String last = "";
        while (true) {
            JsonNode view = call("GET", "/v1/label-batches/" + id, null, 200);
            String now = view.path("status").asText();
            if (now.equals(status)) {
                return;
            }
            if (now.equals("FAILED")) {
                throw new IllegalStateException(
                        "batch failed: " + view.path("failure").asText());
            }
            String progress = now + " " + view.path("allocation").path("done").asLong() + " allocated, "
                    + view.path("commissioning").path("done").asLong() + " commissioned";
            if (!progress.equals(last)) {
                System.out.println("  ... " + progress);
                last = progress;
            }
            Thread.sleep(1_000);
        }
    }

    private JsonNode call(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        var builder = HttpRequest.newBuilder(URI.create(labelUrl + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", credential)
                .header("Content-Type", "application/json");
        builder = body == null ? builder.GET() : builder.method(method, HttpRequest.BodyPublishers.ofString(body));
        var response = LedgerClient.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return LedgerClient.JSON.readTree(response.body());
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(labelUrl + path))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", credential)
                .build();
    }

    /** label-service's resident set in KB, from the stack's pid file; 0 when not on this machine. */
    private static long labelServiceRss() {
        try {
            String pid =
                    Files.readString(Path.of(".stack/pids/label-service.pid")).strip();
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not the local stack
        }
        return 0;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static double rawQrRate(Duration duration) throws com.google.zxing.WriterException {
        String uri = "https://id.custody-ledger.example/01/09506000134352/10/L2611/21/7Q2K9X4MZ3AB?17=280630&s=";
        String signature = "x".repeat(86);
        long end = System.nanoTime() + duration.toNanos();
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            com.google.zxing.qrcode.encoder.Encoder.encode(
                    uri + signature + (count % 10), com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M);
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    static double rawSignRate(Duration duration) {
        byte[] seed = new byte[32];
        ThreadLocalRandom.current().nextBytes(seed);
        byte[] publicKey = new byte[32];
        Ed25519.generatePublicKey(seed, 0, publicKey, 0);
        byte[] message = "custody-label/v1\n0109506000134352\n10L2611\n217Q2K9X4MZ3AB\n17280630"
                .getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[64];
        long end = System.nanoTime() + duration.toNanos();
        long count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
