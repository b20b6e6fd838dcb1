package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.ProofException;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.SubtreeHashes;
import dev.custodyledger.fold.Blocking;
import dev.custodyledger.fold.FoldService;
import dev.custodyledger.ledger.config.LedgerConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Signs a checkpoint of the tree whenever it has grown, on the replica that writes the read model (the tree's
 * tiles are its rows). Its checklist for each checkpoint: the tree holds at least one record more than the newest
 * stored checkpoint; its root is computed from the stored tiles; the newest checkpoint's tree is a prefix of it (a
 * consistency proof from the same tiles checks); and {@link CheckpointStore#append} signs it only while that newest
 * checkpoint is still the newest. A tree that does not extend the signed history is refused and logged: signing it
 * would be the fork the log exists to make visible.
 */
@ApplicationScoped
public class CheckpointSigner {
    private final FoldService fold;
    private final TileStore tiles;
    private final CheckpointStore checkpoints;
    private final LogKey key;
    private final Witnesses witnesses;
    private final Duration every;
    private final boolean enabled;
    private volatile boolean running = true;
    private volatile long signedSize;
    private volatile String refusal;
    private Thread thread;

    CheckpointSigner(
            FoldService fold,
            TileStore tiles,
            CheckpointStore checkpoints,
            LogKey key,
            Witnesses witnesses,
            LedgerConfig config,
            MeterRegistry metrics) {
        this.fold = fold;
        this.tiles = tiles;
        this.checkpoints = checkpoints;
        this.key = key;
        this.witnesses = witnesses;
        this.every = config.tlog().signEvery();
        this.enabled = config.tlog().enabled();
        Gauge.builder("custody.tlog.checkpoint.size", this, s -> s.signedSize)
                .description("the size of the newest checkpoint this replica signed or read")
                .register(metrics);
        Gauge.builder("custody.tlog.refused", this, s -> s.refusal == null ? 0 : 1)
                .description("1 while the tree does not extend the newest signed checkpoint (nothing is signed)")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            Log.warn("the transparency log is off (custody.tlog.enabled=false): no tree, no checkpoint");
            return;
        }
        if (!key.signs()) {
            Log.warn("no log key configured (custody.tlog.key-file): the tree is kept and served, no checkpoint is"
                    + " signed");
            return;
        }
        thread = new Thread(this::run, "tlog-signer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Why the signer refuses to sign, while it does. */
    public String refusal() {
        return refusal;
    }

    private void run() {
        while (running) {
            try {
                signIfGrown();
            } catch (RuntimeException e) {
                Log.warnf("could not sign a checkpoint: %s; trying again", e.getMessage());
            }
            Blocking.pause(every.toMillis());
        }
    }

    void signIfGrown() {
        var engine = fold.engine();
        if (!engine.writesProjections()) {
            return;
        }
        long size = engine.projectedSeq();
        CheckpointStore.Stored newest = Blocking.await(checkpoints::latest);
        long newestSize = newest == null ? 0 : newest.body().size();
        signedSize = newestSize;
        var hashes = CachedTiles.over(tiles);
        if (size <= newestSize) {
            // Nothing new (or a rebuild growing the tree back): a checkpoint short of its quorum is asked again.
            if (newest != null && newest.cosigners() < witnesses.quorum() && size == newestSize) {
                cosign(newest, hashes);
            }
            return;
        }
        byte[] root = MerkleTree.root(size, hashes);
        if (newest != null) {
            try {
                MerkleTree.verifyConsistency(
                        newestSize,
                        size,
                        newest.body().root(),
                        root,
                        MerkleTree.consistencyProof(newestSize, size, hashes));
            } catch (ProofException e) {
                refuse("the tree of " + size + " records does not extend the checkpoint of " + newestSize + ": "
                        + e.getMessage());
                return;
            }
        }
        refusal = null;
        var next = new Checkpoint(key.origin(), size, root);
        CheckpointStore.Stored stored = Blocking.await(() -> checkpoints.append(newest, next, key::sign));
        if (stored != null) {
            signedSize = size;
            cosign(stored, hashes);
        }
    }

    private void cosign(CheckpointStore.Stored stored, SubtreeHashes hashes) {
        if (!witnesses.any()) {
            return;
        }
        SignedNote note;
        try {
            note = SignedNote.parse(stored.note());
        } catch (ProofException e) {
            throw new IllegalStateException("a stored checkpoint does not parse: " + e.getMessage(), e);
        }
        SignedNote cosigned = witnesses.cosign(note, stored.body(), hashes);
        // One signature is the log's; each witness's counts once (a witness asked again adds no second line).
        int count = cosigned.signatures().size() - 1;
        if (count > stored.cosigners()) {
            Blocking.await(() -> checkpoints.cosigned(stored.body().size(), cosigned, count));
        }
    }

    private void refuse(String why) {
        if (!why.equals(refusal)) {
            Log.errorf("the log signs nothing: %s", why);
        }
        refusal = why;
    }
}
