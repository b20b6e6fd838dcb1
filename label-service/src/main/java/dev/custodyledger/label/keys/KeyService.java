package dev.custodyledger.label.keys;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.fold.LedgerView;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** The producer keys label-service holds: generated or imported, sealed at rest, matched against the ledger. */
@ApplicationScoped
public class KeyService {
    private final KeyVault vault;
    private final LedgerView fold;
    private final Vertx vertx;

    KeyService(KeyVault vault, LedgerView fold, Vertx vertx) {
        this.vault = vault;
        this.fold = fold;
        this.vertx = vertx;
    }

    /** Seals {@code key} (slowly, off the event loop) and stores it for {@code party}. */
    public Uni<KeyView> hold(PartyId party, KeyPurpose purpose, Ed25519PrivateKey key, String origin) {
        if (purpose == KeyPurpose.OPERATOR) {
            throw new ProblemException(ProblemCode.MALFORMED, "label-service holds custody and label keys only");
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> vault.seal(key)))
                .chain(pem -> store(party, purpose, key, pem, origin));
    }

    @WithTransaction
    Uni<KeyView> store(PartyId party, KeyPurpose purpose, Ed25519PrivateKey key, String pem, String origin) {
        return ProducerKey.<ProducerKey>findById(key.keyId().value()).chain(existing -> {
            if (existing != null) {
                throw new ProblemException(ProblemCode.KEY_EXISTS, "key " + key.keyId() + " is already held here");
            }
            var row = new ProducerKey();
            row.keyId = key.keyId().value();
            row.party = party.value();
            row.purpose = purpose.wire();
            row.publicKey = key.publicKey().base64Url();
            row.encryptedPem = pem;
            row.origin = origin;
            row.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            return row.persist().map(saved -> view(row));
        });
    }

    @WithSession
    public Uni<List<KeyView>> list(PartyId party) {
        return ProducerKey.<ProducerKey>list("party = ?1 order by createdAt desc", party.value())
                .map(rows -> rows.stream().map(this::view).toList());
    }

    @WithSession
    public Uni<KeyView> get(PartyId party, String keyId) {
        ProblemException unknown = new ProblemException(ProblemCode.NOT_FOUND, "no such key is held here for " + party);
        try {
            new KeyId(keyId); // a text that is no key id names no key (and never reaches the database)
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(unknown);
        }
        return ProducerKey.<ProducerKey>findById(keyId).map(row -> {
            if (row == null || !row.party.equals(party.value())) {
                throw unknown;
            }
            return view(row);
        });
    }

    /**
     * The newest held key of {@code purpose} that the ledger has registered for {@code party} and not revoked:
     * the one to sign with. Empty when none is, which callers turn into a problem that says how to register.
     */
    public Uni<Optional<ProducerKey>> signingKey(PartyId party, KeyPurpose purpose) {
        return ProducerKey.<ProducerKey>list(
                        "party = ?1 and purpose = ?2 order by createdAt desc", party.value(), purpose.wire())
                .map(rows -> rows.stream()
                        .filter(row -> ledgerStatus(row) == LedgerStatus.REGISTERED)
                        .findFirst());
    }

    /** A held key by id, whoever it belongs to (callers hold a batch that names it). */
    @WithSession
    public Uni<Optional<ProducerKey>> held(String keyId) {
        return ProducerKey.<ProducerKey>findById(keyId).map(Optional::ofNullable);
    }

    /** The private half of a row; slow the first time per process (off the event loop). */
    public Ed25519PrivateKey open(ProducerKey row) {
        return vault.open(row);
    }

    /** Not registered also when the key is registered for another party or purpose. */
    LedgerStatus ledgerStatus(ProducerKey row) {
        KeyState key = fold.read(state -> state.key(new KeyId(row.keyId)));
        if (key == null
                || !key.party().value().equals(row.party)
                || !key.purpose().wire().equals(row.purpose)) {
            return LedgerStatus.NOT_REGISTERED;
        }
        return key.revoked() ? LedgerStatus.REVOKED : LedgerStatus.REGISTERED;
    }

    private KeyView view(ProducerKey row) {
        return KeyView.of(row, ledgerStatus(row));
    }
}
