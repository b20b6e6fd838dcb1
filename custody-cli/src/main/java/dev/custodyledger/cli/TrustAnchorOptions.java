package dev.custodyledger.cli;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.fold.TrustAnchor;
import dev.custodyledger.core.party.PartyId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The trust anchor an auditor folds from: the operator's id, name and public key. */
final class TrustAnchorOptions {
    static final Path STACK_KEY = Path.of(".stack/operator/operator.pub.pem");

    @Option(
            names = "--operator-public-key",
            defaultValue = "${CUSTODY_OPERATOR_PUBLIC_KEY:-}",
            paramLabel = "KEY|FILE",
            description = "the operator's public key: base64url or a PEM file (default: $CUSTODY_OPERATOR_PUBLIC_KEY,"
                    + " else the local stack's .stack/operator/operator.pub.pem)")
    String publicKey;

    @Option(names = "--operator-id", defaultValue = "operator", description = "(default: ${DEFAULT-VALUE})")
    String id;

    @Option(
            names = "--operator-name",
            defaultValue = "Ledger Operator",
            description = "as the services are configured (default: ${DEFAULT-VALUE})")
    String name;

    TrustAnchor anchor() throws IOException {
        return new TrustAnchor(PartyId.of(id), name, key());
    }

    private Ed25519PublicKey key() throws IOException {
        String text = publicKey == null ? "" : publicKey.strip();
        if (text.isEmpty()) {
            if (!Files.isRegularFile(STACK_KEY)) {
                throw new IllegalArgumentException(
                        "no operator public key: pass --operator-public-key or set CUSTODY_OPERATOR_PUBLIC_KEY");
            }
            return KeyPem.parsePublicKey(Files.readString(STACK_KEY));
        }
        Path file = Path.of(text);
        return Files.isRegularFile(file)
                ? KeyPem.parsePublicKey(Files.readString(file))
                : Ed25519PublicKey.ofBase64Url(text);
    }
}
