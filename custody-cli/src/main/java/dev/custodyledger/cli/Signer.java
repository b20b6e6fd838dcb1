package dev.custodyledger.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.EventHeader;
import dev.custodyledger.core.event.EventJson;
import dev.custodyledger.core.event.SignedEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Who signs: the party and its key. Fills an event description's header and signs it, the one way the CLI signs. */
final class Signer {
    @Option(names = "--key", required = true, paramLabel = "FILE", description = "the signer's private key (PEM)")
    Path key;

    @Option(names = "--actor", required = true, description = "the signer's party id")
    String actor;

    @ArgGroup(exclusive = false)
    Passphrase passphrase = new Passphrase();

    /** Adds v, actor, keyId, eventTime and nonce (unless given) to {@code description} and signs it. */
    SignedEvent sign(ObjectNode description) throws IOException {
        Ed25519PrivateKey privateKey = KeyFiles.privateKey(key, passphrase);
        ObjectNode event = description.deepCopy();
        event.put("v", EventHeader.VERSION);
        event.put("actor", actor);
        event.put("keyId", privateKey.keyId().value());
        if (!event.has("eventTime")) {
            event.put("eventTime", EventJson.formatTime(Instant.now()));
        }
        if (!event.has("nonce")) {
            event.put("nonce", OperatorCommand.nonce());
        }
        return SignedEvent.sign(EventJson.decode(event), privateKey);
    }
}
