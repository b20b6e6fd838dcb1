package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.event.SignedEvent;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Signatures checked on every core ahead of the fold, which then applies the records in order: a signature
 * depends on its record and its key alone, only applying is ordered. {@link #prepare} verifies a run of records
 * against the keys as they stand before it; {@link #check} answers from that, and verifies there and then what
 * it could not (a key registered within the run, or named differently than the fold finds it). Prepared and
 * checked on the folding thread; the verifications themselves run in the common pool.
 */
public final class VerifiedAhead implements SignatureCheck {
    private record Verdict(Ed25519PublicKey key, boolean valid) {}

    private final Map<SignedEvent, Verdict> verdicts = new IdentityHashMap<>();

    /** Verifies every decoded record of {@code run} whose key {@code keys} knows, in parallel. */
    public void prepare(List<LedgerRecord> run, Function<KeyId, Ed25519PublicKey> keys) {
        verdicts.clear();
        Verdict[] found = new Verdict[run.size()];
        Ed25519PublicKey[] named = new Ed25519PublicKey[run.size()];
        for (int i = 0; i < run.size(); i++) {
            SignedEvent event = run.get(i).event();
            named[i] = event == null ? null : keys.apply(event.event().header().keyId());
        }
        java.util.stream.IntStream.range(0, run.size()).parallel().forEach(i -> {
            if (named[i] != null) {
                found[i] = new Verdict(named[i], run.get(i).event().verifies(named[i]));
            }
        });
        for (int i = 0; i < run.size(); i++) {
            if (found[i] != null) {
                verdicts.put(run.get(i).event(), found[i]);
            }
        }
    }

    @Override
    public void check(SignedEvent event, Ed25519PublicKey key) throws SignatureInvalidException {
        Verdict verdict = verdicts.remove(event);
        if (verdict == null || !verdict.key().equals(key)) {
            event.verifyWith(key);
        } else if (!verdict.valid()) {
            throw new SignatureInvalidException("signature does not verify under key " + key.keyId());
        }
    }
}
