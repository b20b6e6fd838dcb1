package dev.custodyledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "event",
        description = "Signed events.",
        mixinStandardHelpOptions = true,
        subcommands = {EventCommand.Sign.class, EventCommand.Submit.class})
final class EventCommand {

    @Command(
            name = "sign",
            mixinStandardHelpOptions = true,
            description = {
                "Sign an event described in a small JSON or YAML file: its type and fields; the header (v, eventTime, actor,",
                "keyId, nonce) is filled in. Prints the envelope, or submits it with --submit.",
                "Example: {\"type\":\"HANDOFF\",\"units\":[\"01/09506000134352/21/7Q2K9X4MZ3\"],\"to\":\"fresh-mart\"}"
            })
    static final class Sign implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the event description (JSON, or YAML as .yaml/.yml)")
        Path file;

        @Mixin
        Signer signer;

        @Option(names = "--submit", description = "submit the signed event instead of printing it")
        boolean submit;

        @Mixin
        LedgerTarget target;

        @Override
        public Integer call() throws IOException, InterruptedException {
            String name = file.getFileName().toString();
            JsonNode description = name.endsWith(".yaml") || name.endsWith(".yml")
                    ? new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(Files.readAllBytes(file))
                    : StrictJson.parse(Files.readAllBytes(file));
            if (!description.isObject()) {
                throw new IllegalArgumentException(file + " must hold a JSON object with the event's type and fields");
            }
            SignedEvent signed = signer.sign((ObjectNode) description);
            if (submit || target.dryRun) {
                return target.submit(signed);
            }
            System.out.println(new String(signed.envelopeBytes(), StandardCharsets.UTF_8));
            return 0;
        }
    }

    @Command(
            name = "submit",
            description = "Submit a pre-signed envelope file to the ledger.",
            mixinStandardHelpOptions = true)
    static final class Submit implements Callable<Integer> {
        @Parameters(
                arity = "1..*",
                paramLabel = "FILE",
                description = "signed envelopes {\"event\":…,\"sig\":…}, one per file")
        List<Path> files;

        @Mixin
        LedgerTarget target;

        @Override
        public Integer call() throws IOException, InterruptedException {
            var progress = new Progress("submitting");
            progress.total(files.size() > 1 ? files.size() : 0);
            int worst = 0;
            for (int i = 0; i < files.size(); i++) {
                worst = Math.max(worst, target.submit(SignedEvent.decode(Files.readAllBytes(files.get(i)))));
                progress.at(i + 1);
            }
            progress.done();
            return worst;
        }
    }
}
