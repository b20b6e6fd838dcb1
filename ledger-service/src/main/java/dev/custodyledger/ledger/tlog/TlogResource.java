package dev.custodyledger.ledger.tlog;

import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.tlog.EntryBundle;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.ProofException;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.Tile;
import dev.custodyledger.core.tlog.TlogProof;
import dev.custodyledger.problem.Problem;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The transparency log, read-only, under {@code /tlog/} (C2SP tlog-tiles): the newest checkpoint, the tiles and
 * entry bundles clients compute their own proofs from, and, for convenience, an event's inclusion proof (C2SP
 * tlog-proof) and consistency proofs between two sizes. Public: the log proves the history is the same for everyone.
 */
@Path("/tlog")
public class TlogResource {
    static final String TEXT = "text/plain; charset=utf-8";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final String FIRST_RECORD = "select seq from ledger_record where event_id = $1 order by seq limit 1";

    private final TileStore tiles;
    private final CheckpointStore checkpoints;
    private final Pool database;
    private final int quorum;

    TlogResource(TileStore tiles, CheckpointStore checkpoints, Pool database, Witnesses witnesses) {
        this.tiles = tiles;
        this.checkpoints = checkpoints;
        this.database = database;
        this.quorum = witnesses.quorum();
    }

    @GET
    @Path("checkpoint")
    @Produces({TEXT, Problem.MEDIA_TYPE})
    @Operation(
            summary =
                    "The newest checkpoint (C2SP tlog-checkpoint) signed by the log and cosigned by the quorum of witnesses")
    @Blocking
    public Response checkpoint() {
        return Response.ok(newest().note(), TEXT)
                .header("Cache-Control", "no-cache")
                .build();
    }

    @GET
    @Path("tile/{path: .+}")
    @Produces({"application/octet-stream", Problem.MEDIA_TYPE})
    @Operation(summary = "A tile of the tree or an entry bundle (C2SP tlog-tiles); what a path names never changes")
    @Blocking
    public Response tile(@PathParam("path") String path) {
        Tile tile;
        try {
            tile = Tile.parse("tile/" + path);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.MALFORMED, e.getMessage());
        }
        byte[] bytes = tiles.blocking(tile.level(), tile.index(), tile.width());
        if (bytes == null) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "the tree does not hold " + tile.path() + " (yet)");
        }
        return Response.ok(bytes, "application/octet-stream")
                .header("Cache-Control", IMMUTABLE)
                .build();
    }

    @GET
    @Path("proof/{eventId}")
    @Produces({TEXT, Problem.MEDIA_TYPE})
    @Operation(
            summary = "An event's inclusion proof in the newest checkpoint (C2SP tlog-proof; the extra data is the"
                    + " log's leaf for the event's first record)")
    @Blocking
    public Response inclusion(@PathParam("eventId") String eventId) {
        EventId id;
        try {
            id = EventId.parse(eventId);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.MALFORMED, e.getMessage());
        }
        CheckpointStore.Stored newest = newest();
        Long seq = await(() -> database.preparedQuery(FIRST_RECORD)
                .execute(Tuple.of(id.toString()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("seq")));
        long size = newest.body().size();
        if (seq == null || seq > size) {
            throw new ProblemException(
                    ProblemCode.NOT_FOUND, "event " + id + " is not in the newest checkpoint (yet); retry in a second");
        }
        long index = seq - 1;
        byte[] bundle = tiles.blocking(Tile.ENTRIES, index / Tile.WIDTH, (int) (index % Tile.WIDTH) + 1);
        List<byte[]> entries = EntryBundle.split(bundle);
        var proof = new TlogProof(
                entries.get(entries.size() - 1),
                index,
                MerkleTree.inclusionProof(index, size, CachedTiles.over(tiles)),
                note(newest));
        return Response.ok(proof.encode(), TEXT)
                .header("Cache-Control", "no-cache")
                .build();
    }

    @GET
    @Path("proof/consistency")
    @Produces({TEXT, Problem.MEDIA_TYPE})
    @Operation(
            summary = "The consistency proof from the tree of `from` entries to the tree of `to` (RFC 9162), one"
                    + " base64 hash per line; both at most the newest checkpoint's size")
    @Blocking
    public Response consistency(@QueryParam("from") long from, @QueryParam("to") long to) {
        long size = newest().body().size();
        if (from < 1 || from > to || to > size) {
            throw new ProblemException(
                    ProblemCode.MALFORMED,
                    "from and to are sizes with 1 <= from <= to <= " + size + " (the newest" + " checkpoint)");
        }
        var body = new StringBuilder();
        for (byte[] hash : MerkleTree.consistencyProof(from, to, CachedTiles.over(tiles))) {
            body.append(Base64.getEncoder().encodeToString(hash)).append('\n');
        }
        return Response.ok(body.toString(), TEXT)
                .header("Cache-Control", IMMUTABLE)
                .build();
    }

    private CheckpointStore.Stored newest() {
        CheckpointStore.Stored newest = await(() -> checkpoints.servable(quorum));
        if (newest == null) {
            throw new ProblemException(
                    ProblemCode.NOT_FOUND, "the log has no checkpoint with " + quorum + " cosignatures yet");
        }
        return newest;
    }

    private static SignedNote note(CheckpointStore.Stored stored) {
        try {
            return SignedNote.parse(stored.note());
        } catch (ProofException e) {
            throw new IllegalStateException("a stored checkpoint does not parse: " + e.getMessage(), e);
        }
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        return dev.custodyledger.fold.Blocking.await(work);
    }
}
