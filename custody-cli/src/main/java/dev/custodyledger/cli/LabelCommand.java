package dev.custodyledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.core.verdict.LabelCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "label",
        description = "Labels without the network.",
        mixinStandardHelpOptions = true,
        subcommands = {LabelCommand.VerifyOffline.class})
final class LabelCommand {

    @Command(
            name = "verify-offline",
            description = "Check a label's signature (s=) against the brand's label keys in a registry exported by"
                    + " `custody ledger replay --export-keys`, with no network. Proves the brand printed the label,"
                    + " not that it was not copied (that is what the online verify adds). Exit 0 when VALID.",
            mixinStandardHelpOptions = true)
    static final class VerifyOffline implements Callable<Integer> {
        @Parameters(paramLabel = "QR-TEXT", description = "the label's QR payload (a signed Digital Link URI)")
        String text;

        @Option(names = "--registry", required = true, paramLabel = "FILE", description = "the exported label keys")
        Path registry;

        @Override
        public Integer call() throws IOException {
            ScannedCode code = ScannedCode.parse(text);
            if (!(code.unit() instanceof ItemCode item)) {
                throw new IllegalArgumentException("labels carry a GTIN and serial; this code names " + code.unit());
            }
            JsonNode brands = StrictJson.parse(Files.readAllBytes(registry)).path("brands");
            for (JsonNode brand : brands) {
                boolean owns = false;
                for (JsonNode prefix : brand.path("prefixes")) {
                    owns |= new CompanyPrefix(prefix.asText()).owns(item.gtin());
                }
                if (!owns) {
                    continue;
                }
                var keys = new ArrayList<Ed25519PublicKey>();
                brand.path("labelKeys").forEach(k -> {
                    if (!k.path("revoked").asBoolean()) {
                        keys.add(
                                Ed25519PublicKey.ofBase64Url(k.path("publicKey").asText()));
                    }
                });
                LabelCheck check = LabelCheck.of(code, keys);
                System.out.println(check + "  " + item.gtin() + " " + item.serial() + "  brand "
                        + brand.path("name").asText() + " (" + keys.size() + " label key(s))");
                return check == LabelCheck.VALID ? 0 : CustodyCli.REJECTED;
            }
            System.out.println("UNKNOWN_BRAND  no brand in " + registry + " owns GTIN " + item.gtin());
            return CustodyCli.REJECTED;
        }
    }
}
