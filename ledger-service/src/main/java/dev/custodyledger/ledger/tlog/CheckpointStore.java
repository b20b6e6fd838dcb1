package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.ProofException;
import dev.custodyledger.core.tlog.SignedNote;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every checkpoint the log signed, in {@code tlog_checkpoint}: never dropped, never rewritten. Appending takes a
 * transaction-scoped advisory lock, so two replicas (a lease take-over) cannot both sign; a checkpoint is signed
 * only inside that transaction and only when it is larger than every stored one and grows the one the caller
 * checked against. A note that was signed but not stored is never handed out.
 */
@ApplicationScoped
public class CheckpointStore {
    /** The advisory lock's key: "tlog" in ASCII. */
    private static final long LOCK = 0x746c6f67L;

    private static final String LATEST =
            "select size, root, note, cosigners from tlog_checkpoint order by size desc limit 1";

    /** A checkpoint as stored: its body, the signed note served, and how many witnesses cosigned it. */
    public record Stored(Checkpoint body, String note, int cosigners) {}

    @Inject
    Pool pool;

    private static final String SERVABLE = "select size, root, note, cosigners from tlog_checkpoint"
            + " where cosigners >= $1 order by size desc limit 1";

    /** The newest checkpoint signed, cosigned or not. */
    public Uni<Stored> latest() {
        return pool.query(LATEST).execute().map(CheckpointStore::first);
    }

    /** The newest checkpoint with at least {@code quorum} cosignatures: what clients are served. */
    public Uni<Stored> servable(int quorum) {
        return pool.preparedQuery(SERVABLE).execute(Tuple.of(quorum)).map(CheckpointStore::first);
    }

    /** Stores the note of checkpoint {@code size} with more cosignatures than it held. */
    public Uni<Void> cosigned(long size, SignedNote note, int cosigners) {
        return pool.preparedQuery(
                        "update tlog_checkpoint set note = $2, cosigners = $3, cosigned_at = now() where size = $1"
                                + " and cosigners < $3")
                .execute(Tuple.of(size, note.encode(), cosigners))
                .replaceWithVoid();
    }

    private static Stored first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? stored(it.next()) : null;
    }

    /**
     * Signs and stores {@code next} if the newest stored checkpoint is still {@code previous} (null: none).
     * Answers the stored note, or null when another signer got there first.
     */
    public Uni<Stored> append(Stored previous, Checkpoint next, Function<Checkpoint, SignedNote> sign) {
        return pool.withTransaction(tx -> tx.query("select pg_advisory_xact_lock(" + LOCK + ")")
                .execute()
                .chain(() -> tx.query(LATEST).execute())
                .chain(rows -> {
                    var it = rows.iterator();
                    Long newest = it.hasNext() ? it.next().getLong("size") : null;
                    Long expected = previous == null ? null : previous.body().size();
                    if (!Objects.equals(newest, expected) || (newest != null && newest >= next.size())) {
                        return Uni.createFrom().nullItem();
                    }
                    String note = sign.apply(next).encode();
                    return tx.preparedQuery("insert into tlog_checkpoint (size, root, note, cosigners, signed_at)"
                                    + " values ($1, $2, $3, 0, $4)")
                            .execute(Tuple.of(
                                    next.size(),
                                    Buffer.buffer(next.root()),
                                    note,
                                    Instant.now().atOffset(ZoneOffset.UTC)))
                            .map(done -> new Stored(next, note, 0));
                }));
    }

    private static Stored stored(Row row) {
        try {
            String note = row.getString("note");
            return new Stored(
                    Checkpoint.parse(SignedNote.parse(note).text()),
                    note,
                    row.getLong("cosigners").intValue());
        } catch (ProofException e) {
            throw new IllegalStateException("a stored checkpoint does not parse: " + e.getMessage(), e);
        }
    }
}
