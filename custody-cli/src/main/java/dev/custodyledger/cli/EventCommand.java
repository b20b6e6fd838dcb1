package dev.custodyledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventJson;
import dev.custodyledger.core.event.SignedEvent;
import dev.custodyledger.core.json.StrictJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
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
                "Sign an event described in a small JSON file: its type and fields; the header (v, eventTime, actor,",
                "keyId, nonce) is filled in. Prints the envelope, or submits it with --submit.",
                "Example: {\"type\":\"HANDOFF\",\"units\":[\"01/09506000134352/21/7Q2K9X4MZ3\"],\"to\":\"fresh-mart\"}"
            })
    static final class Sign implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "the event description (JSON)")
        Path file;

        @Option(names = "--key", required = true, paramLabel = "FILE", description = "the signer's private key (PEM)")
        Path key;

        @Option(names = "--actor", required = true, description = "the signer's party id")
        String actor;

        @Option(names = "--submit", description = "submit the signed event instead of printing it")
        boolean submit;

        @ArgGroup(exclusive = false)
        Passphrase passphrase = new Passphrase();

        @Mixin
        LedgerTarget target;

        @Override
        public Integer call() throws IOException, InterruptedException {
            JsonNode description = StrictJson.parse(Files.readAllBytes(file));
            if (!description.isObject()) {
                throw new IllegalArgumentException(file + " must hold a JSON object with the event's type and fields");
            }
            Ed25519PrivateKey privateKey = KeyFiles.privateKey(key, passphrase);
            ObjectNode event = ((ObjectNode) description).deepCopy();
            event.put("v", EventHeader.VERSION);
            event.put("actor", actor);
            event.put("keyId", privateKey.keyId().value());
            if (!event.has("eventTime")) {
                event.put("eventTime", EventJson.formatTime(Instant.now()));
            }
            if (!event.has("nonce")) {
                event.put("nonce", OperatorCommand.nonce());
            }
            SignedEvent signed = SignedEvent.sign(EventJson.decode(event), privateKey);
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
        @Parameters(paramLabel = "FILE", description = "a signed envelope {\"event\":…,\"sig\":…}")
        Path file;

        @Mixin
        LedgerTarget target;

        @Override
        public Integer call() throws IOException, InterruptedException {
            return target.submit(SignedEvent.decode(Files.readAllBytes(file)));
        }
    }
}
