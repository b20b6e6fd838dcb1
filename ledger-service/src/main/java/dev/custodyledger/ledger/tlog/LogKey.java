package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.ledger.config.LedgerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;

/**
 * The log's signing key, named by the log's origin, read once at start: a configured key that cannot be read
 * stops the service rather than leave the log unsigned. Without one configured the log signs nothing.
 */
@ApplicationScoped
public class LogKey {
    private final String origin;
    private final Ed25519PrivateKey key;

    LogKey(LedgerConfig config) {
        this.origin = config.tlog().origin();
        this.key = config.tlog()
                .keyFile()
                .map(file -> {
                    try {
                        char[] passphrase = config.tlog()
                                .keyPassphrase()
                                .map(String::toCharArray)
                                .orElse(null);
                        return KeyPem.parsePrivateKey(Files.readString(file), passphrase);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read the log key " + file, e);
                    }
                })
                .orElse(null);
    }

    public String origin() {
        return origin;
    }

    /** The verifier key everyone checks checkpoints with, or empty when the log signs nothing. */
    public Optional<NoteKey> verifier() {
        return key == null ? Optional.empty() : Optional.of(new NoteKey(origin, NoteKey.ED25519, key.publicKey()));
    }

    boolean signs() {
        return key != null;
    }

    SignedNote sign(Checkpoint checkpoint) {
        return SignedNote.sign(checkpoint.text(), origin, key);
    }
}
