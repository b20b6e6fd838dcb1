package dev.custodyledger.stack.demo;

import dev.custodyledger.core.crypto.KeyPem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code ./stack up --demo}: builds the demo supply chain on the running stack and says what to open and try. */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path stack = Path.of(env.getOrDefault("CUSTODY_STACK_DIR", ".stack"));
        var operator = KeyPem.parsePrivateKey(Files.readString(stack.resolve("operator/operator.key.pem")), null);
        var services = new DemoScenario.Services(
                env.getOrDefault("CUSTODY_LEDGER_URL", "http://127.0.0.1:8081"),
                env.getOrDefault("CUSTODY_SCAN_URL", "http://127.0.0.1:8082"),
                env.getOrDefault("CUSTODY_LABEL_URL", "http://127.0.0.1:8083"));
        Path keys = stack.resolve("demo/keys");
        var result =
                new DemoScenario(services, operator, keys, line -> System.out.println("demo        " + line)).run();

        System.out.println();
        System.out.println("Open these in a browser (the consumer page; add -H 'Accept: application/json' with curl):");
        row("GENUINE, on a shop shelf", result.genuine());
        row("SOLD to a consumer", result.sold());
        row("RECALLED lot", result.recalled());
        row("UNKNOWN: never commissioned", result.counterfeit());
        row("SUSPECT: copied, scanned in 5 cities", result.cloned());
        row("GENUINE, in a case at the distributor", result.inWarehouse());
        System.out.println();
        System.out.println("And try the CLI:");
        System.out.println("  ./custody verify '" + result.sold() + "'");
        System.out.println("  ./custody ledger compare                 # the auditor's replay against both services");
        System.out.println("  ./custody ledger replay --export-keys keys.json && ./custody label verify-offline '"
                + result.genuine() + "' --registry keys.json");
        System.out.println("  curl -s " + services.label() + "/v1/label-batches/" + result.batch()
                + " -H \"Authorization: Bearer $(./custody operator issue-credential --operator-key "
                + stack.resolve("operator/operator.key.pem") + " --party " + DemoScenario.BRAND
                + " --role producer)\"");
        System.out.println("  the parties' keys are in " + keys + " (unencrypted: a development stack)");
    }

    private static void row(String what, String url) {
        System.out.printf("  %-40s %s%n", what, url);
    }
}
