package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.event.SignedEvent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Signatures checked on every core ahead of the fold, which then applies the records in order: a signature
 * depends on its record and its key alone, only applying is ordered. {@link #verify} checks a run of records
 * against the keys as they stand before it (it may run while the fold applies an earlier run); {@link #use} hands
 * its verdicts to the fold, and {@link #check} answers from them, verifying there and then what they do not cover
 * (a key registered since, or named differently than the fold finds it). Used and checked on the folding thread.
 */
public final class VerifiedAhead implements SignatureCheck {
    private record Verdict(Ed25519PublicKey key, boolean valid) {}

    /** The verdicts on one run of records, each under the key its record named when it was verified. */
    public static final class Verdicts {
        private final Map<SignedEvent, Verdict> byEvent = new IdentityHashMap<>();

        private Verdicts() {}
    }

    private Verdicts verdicts = new Verdicts();

    /** Verifies every decoded record of {@code run} whose key {@code keys} knows, in the common pool. */
    public static Verdicts verify(List<LedgerRecord> run, Function<KeyId, Ed25519PublicKey> keys) {
        Verdict[] found = new Verdict[run.size()];
        Ed25519PublicKey[] named = new Ed25519PublicKey[run.size()];
        for (int i = 0; i < run.size(); i++) {
            SignedEvent event = run.get(i).event();
            named[i] = event == null ? null : keys.apply(event.event().header().keyId());
        }
        IntStream.range(0, run.size()).parallel().forEach(i -> {
            if (named[i] != null) {
                found[i] = new Verdict(named[i], run.get(i).event().verifies(named[i]));
            }
        });
        var verdicts = new Verdicts();
        for (int i = 0; i < run.size(); i++) {
            if (found[i] != null) {
                verdicts.byEvent.put(run.get(i).event(), found[i]);
            }
        }
        return verdicts;
    }

    /** The verdicts the fold answers from next, in place of any it had. */
    public void use(Verdicts next) {
        verdicts = next;
    }

    /** {@link #verify} then {@link #use}, for a run applied as soon as it is verified. */
    public void prepare(List<LedgerRecord> run, Function<KeyId, Ed25519PublicKey> keys) {
        use(verify(run, keys));
    }

    @Override
    public void check(SignedEvent event, Ed25519PublicKey key) throws SignatureInvalidException {
        Verdict verdict = verdicts.byEvent.remove(event);
        if (verdict == null || !verdict.key().equals(key)) {
            event.verifyWith(key);
        } else if (!verdict.valid()) {
            throw new SignatureInvalidException("signature does not verify under key " + key.keyId());
        }
    }
}
