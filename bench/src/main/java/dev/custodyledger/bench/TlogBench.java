package dev.custodyledger.bench;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.LogPolicy;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.Tile;
import dev.custodyledger.core.tlog.TileHashes;
import dev.custodyledger.core.tlog.TlogProof;
import dev.custodyledger.core.tlog.TreeBuilder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The transparency log's figures: hash tiles served per second at saturation (wrk over random full tiles), and,
 * in this process, the size of an inclusion proof (C2SP tlog-proof) and the time to check it offline in trees of
 * 10^6 and 10^7 leaves, beside one-thread Ed25519 verify (a check verifies one signature). The checkpoint latencies
 * are measured in the verify stream of {@link ScanBench}, with {@link Checkpoints}.
 */
final class TlogBench {
    private TlogBench() {}

    /** The witnesses the local stack runs (./stack up --witnesses N), all needed for a served checkpoint. */
    static int witnesses() {
        try {
            Path count = Replay.stackDir().resolve("witnesses/count");
            return Files.exists(count)
                    ? Integer.parseInt(Files.readString(count).trim())
                    : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** ledger-service's stored checkpoints, read straight from its database: the newest signed and cosigned size. */
    static final class Checkpoints implements AutoCloseable {
        private final Connection connection;
        private final int quorum;

        private Checkpoints(Connection connection, int quorum) {
            this.connection = connection;
            this.quorum = quorum;
        }

        static Checkpoints open(int quorum) throws SQLException {
            String url = "jdbc:postgresql://127.0.0.1:" + Bounds.PG_PORT + "/ledger";
            String password = System.getenv().getOrDefault("POSTGRES_PASSWORD", "postgres");
            return new Checkpoints(DriverManager.getConnection(url, "postgres", password), quorum);
        }

        /** {newest signed size, newest size with the quorum's cosignatures}. */
        long[] sizes() throws SQLException {
            try (var query = connection.prepareStatement("select coalesce(max(size), 0),"
                    + " coalesce(max(size) filter (where cosigners >= ?), 0) from tlog_checkpoint")) {
                query.setInt(1, quorum);
                try (var rs = query.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the poller is done either way
            }
        }
    }

    static Figures measure(String ledger) throws Exception {
        var figures = new Figures();
        long size = servedSize(ledger);
        if (size >= Tile.WIDTH) {
            String script = "math.randomseed(os.time())\nrequest = function()\n  local n = math.random(0, "
                    + (size / Tile.WIDTH - 1) + ")\n  local p = string.format(\"%03d\", n % 1000)\n"
                    + "  if n >= 1000 then p = string.format(\"x%03d/%03d\", math.floor(n / 1000), n % 1000) end\n"
                    + "  return wrk.format(\"GET\", \"/tlog/tile/0/\" .. p)\nend\n";
            Wrk.requestsPerSecond(ledger, script, 5);
            figures.add(
                    "tlog.tiles",
                    "hash tiles served/s at saturation (wrk, 32 connections, random full tiles of " + size + " leaves)",
                    Wrk.requestsPerSecond(ledger, script, 10),
                    "tiles/s");
        }
        for (int leaves : new int[] {1_000_000, 10_000_000}) {
            proofFigures(figures, leaves);
        }
        return figures;
    }

    private static long servedSize(String ledger) {
        try {
            String note = new String(LedgerClient.HTTP
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(ledger + "/tlog/checkpoint"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray())
                    .body());
            return Checkpoint.parse(SignedNote.parse(note).text()).size();
        } catch (Exception e) {
            System.out.println("no checkpoint served: " + e.getMessage());
            return 0;
        }
    }

    /** A tree of {@code leaves} 60-byte entries, built here; proofs of 1,000 random entries, encoded and checked. */
    private static void proofFigures(Figures figures, int leaves) throws Exception {
        var builder = TreeBuilder.empty();
        Map<String, byte[]> tiles = new HashMap<>();
        byte[] entry = new byte[60];
        for (int i = 0; i < leaves; i++) {
            ByteBuffer.wrap(entry).putLong(0, i);
            builder.append(entry);
            if ((i & 0xFFFF) == 0xFFFF || i == leaves - 1) {
                for (var e : builder.drainChanged().entrySet()) {
                    if (!e.getKey().entries()) {
                        tiles.put(e.getKey().level() + "/" + e.getKey().index(), e.getValue());
                    }
                }
            }
        }
        var hashes = new TileHashes((level, index, width) -> {
            byte[] tile = tiles.get(level + "/" + index);
            return tile == null || tile.length < width * 32 ? null : Arrays.copyOf(tile, width * 32);
        });
        var key = Ed25519PrivateKey.generate();
        String origin = "bench.test/log";
        var checkpoint = new Checkpoint(origin, leaves, builder.root());
        SignedNote note = SignedNote.sign(checkpoint.text(), origin, key);
        var policy = new LogPolicy(new NoteKey(origin, NoteKey.ED25519, key.publicKey()), List.of(), 0);
        var random = new Random(leaves);
        List<String> proofs = new ArrayList<>();
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            long index = random.nextInt(leaves);
            byte[] leaf = new byte[60];
            ByteBuffer.wrap(leaf).putLong(0, index);
            entries.add(leaf);
            proofs.add(new TlogProof(leaf, index, MerkleTree.inclusionProof(index, leaves, hashes), note).encode());
        }
        double bytes =
                proofs.stream().mapToInt(p -> p.getBytes().length).average().orElse(0);
        long checked = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 3_000_000_000L) {
            int i = (int) (checked % proofs.size());
            TlogProof.parse(proofs.get(i)).verify(policy, entries.get(i));
            checked++;
        }
        double perSecond = checked / ((System.nanoTime() - start) / 1e9);
        String tree = String.format(java.util.Locale.ROOT, "%,d", leaves);
        figures.add(
                "tlog.proof.bytes." + leaves,
                "inclusion proof with its signed checkpoint (tlog-proof), tree of " + tree + " leaves",
                bytes,
                "bytes");
        figures.add(
                "tlog.proof.check." + leaves,
                "offline proof checks/s on one thread, tree of " + tree + " leaves",
                perSecond,
                "checks/s",
                "bound.verify",
                null);
        figures.add(
                "tlog.proof.micros." + leaves,
                "offline proof check, tree of " + tree + " leaves",
                1e6 / perSecond,
                "µs");
    }
}
