package dev.custodyledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.json.StrictJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "verify",
        description = "Ask scan-service about a code as a scanner read it (Digital Link URI or path, GS1 element"
                + " string): verdict, reasons, product, journey. Exit 0 for GENUINE or SOLD, 1 for any other"
                + " verdict, 3 when scan-service cannot answer.",
        mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {
    private static final Set<String> GOOD = Set.of("GENUINE", "SOLD");

    @Parameters(paramLabel = "CODE", description = "the scanned text, e.g. '(01)09506000134352(21)7Q2K9X4MZ3'")
    String code;

    @Option(names = "--scan", defaultValue = "${CUSTODY_SCAN_URL:-http://127.0.0.1:8082}")
    String scan;

    @Option(names = "--json", description = "print scan-service's JSON answer as it is")
    boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var response = Http.send(
                scan.replaceAll("/+$", "") + "/v1/verify?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        JsonNode answer = StrictJson.parse(response.body());
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException(
                    "not a code scan-service can read: " + answer.path("detail").asText());
        }
        if (response.statusCode() != 200) {
            throw new IOException("scan-service answered " + response.statusCode() + " "
                    + answer.path("code").asText());
        }
        if (json) {
            System.out.println(answer.toPrettyString());
        } else {
            print(answer);
        }
        return GOOD.contains(answer.path("verdict").asText()) ? 0 : CustodyCli.REJECTED;
    }

    private static void print(JsonNode a) {
        System.out.println(a.path("verdict").asText() + "  " + a.path("code").asText());
        a.path("reasons")
                .forEach(r -> System.out.println("  - " + r.path("message").asText()));
        JsonNode p = a.path("product");
        if (!p.isMissingNode()) {
            System.out.println("product  " + p.path("name").asText() + " ("
                    + p.path("brandOwner").asText() + "), lot " + p.path("lot").asText() + ", expiry "
                    + p.path("expiry").asText());
        }
        a.path("journey")
                .forEach(s -> System.out.println("  " + s.path("date").asText() + "  "
                        + s.path("step").asText() + "  " + s.path("party").asText() + ", "
                        + s.path("city").asText("")));
        System.out.println("label    " + a.path("label").asText() + "    ledger seq "
                + a.path("ledgerSeq").asText());
    }
}
