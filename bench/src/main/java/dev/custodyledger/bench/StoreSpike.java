package dev.custodyledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The spike behind ADR 26: the two candidate homes of the fold's state, RocksDB embedded in the service and the
 * service's own PostgreSQL, under the same load. Commissions {@code units} units in chunks of 10,000 (one
 * write per chunk, the position with it), then folds {@code events} single-unit handoffs and receipts of
 * random units in chunks of 500: read each unit (through the chunk's overlay), change it, write the chunk's
 * changes and the position atomically. Values are the size of a unit's state. Prints, per store: load rate,
 * fold rate on one thread, bytes per unit, the heap after a full GC, and the time to reopen.
 *
 * <p>Usage: {@code StoreSpike <units> <events> <folder> [jdbc-url]}
 */
public final class StoreSpike {
    private static final int COMMISSION = 10_000;
    private static final int CHUNK = 500;
    private static final byte[] POSITION = "position".getBytes(StandardCharsets.US_ASCII);

    private StoreSpike() {}

    /** One store under test: read a unit, write a chunk of changes with the position. */
    interface Store extends AutoCloseable {
        byte[] get(byte[] key);

        /** The values of {@code keys} as one read (PostgreSQL) or one by one (RocksDB). */
        Map<Key, byte[]> getAll(List<byte[]> keys);

        void write(Map<Key, byte[]> changes, long position);

        long bytesOnDisk();

        @Override
        void close();
    }

    record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(bytes);
        }
    }

    public static void main(String[] args) throws Exception {
        int units = Integer.parseInt(args[0]);
        int events = Integer.parseInt(args[1]);
        Path folder = Path.of(args[2]);
        String jdbc = args.length > 3 ? args[3] : null;
        RocksDB.loadLibrary();
        run("rocksdb", () -> new Rocks(folder.resolve("rocks")), units, events);
        if (jdbc != null) {
            run("postgresql", () -> new Postgres(jdbc), units, events);
        }
    }

    interface Opener {
        Store open() throws Exception;
    }

    private static void run(String name, Opener opener, int units, int events) throws Exception {
        long position = 0;
        long heapBefore = liveHeap();
        long t0 = System.nanoTime();
        try (Store store = opener.open()) {
            for (int from = 0; from < units; from += COMMISSION) {
                Map<Key, byte[]> chunk = new HashMap<>();
                for (int i = from; i < Math.min(units, from + COMMISSION); i++) {
                    chunk.put(new Key(code(i)), unit(i, 1, 0));
                }
                store.write(chunk, ++position);
                if ((from / COMMISSION) % 100 == 0) {
                    System.out.printf("%s: %,d units loaded%n", name, from + COMMISSION);
                }
            }
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "%s load: %,d units in %.1f s = %,.0f units/s%n", name, units, loadSeconds, units / loadSeconds);
            fold(name, store, units, units, events, position);
            fold(name, store, units, units, events, position + events);
            // Custody moves what was commissioned lately: the same on the newest 100,000 units.
            int hot = Math.min(units, 100_000);
            fold(name + " (newest " + hot + ")", store, units, hot, events, position + 2L * events);
            System.out.printf(
                    "%s: %,d bytes on disk = %.1f bytes/unit; live heap %,d KB (before %,d KB)%n",
                    name,
                    store.bytesOnDisk(),
                    store.bytesOnDisk() / (double) units,
                    liveHeap() / 1024,
                    heapBefore / 1024);
        }
        long r0 = System.nanoTime();
        try (Store store = opener.open()) {
            byte[] any = store.get(code(units / 2));
            System.out.printf(
                    "%s: reopened and read a unit in %.0f ms (%s)%n",
                    name, (System.nanoTime() - r0) / 1e6, any == null ? "missing" : "found");
        }
    }

    /** Single-unit handoffs and receipts of random units, chunk by chunk, each chunk written with its position. */
    private static void fold(String name, Store store, int units, int range, int events, long position) {
        var random = new SplittableRandom(position);
        long t0 = System.nanoTime();
        for (int done = 0; done < events; done += CHUNK) {
            List<byte[]> keys = new ArrayList<>(CHUNK);
            for (int i = 0; i < CHUNK; i++) {
                keys.add(code(units - 1 - random.nextInt(range)));
            }
            Map<Key, byte[]> overlay = store.getAll(keys);
            for (byte[] key : keys) {
                Key k = new Key(key);
                byte[] value = overlay.get(k);
                if (value == null) {
                    throw new IllegalStateException("unit missing");
                }
                ByteBuffer b = ByteBuffer.wrap(value.clone());
                long lastSeq = b.getLong(8);
                b.putLong(8, lastSeq + 1);
                b.put(16, (byte) (b.get(16) ^ 1)); // in transit, then received
                overlay.put(k, b.array());
            }
            store.write(overlay, ++position);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s fold: %,d events in %.2f s = %,.0f events/s%n", name, events, seconds, events / seconds);
    }

    /** A GS1 element string of a unit: (01) GTIN, (21) a 12-character serial. */
    static byte[] code(int i) {
        return String.format("0109506000134352%s21%012d", "", i).getBytes(StandardCharsets.US_ASCII);
    }

    /** About what a unit's state takes in the canonical form: seqs, custodian, pending party, lot, expiry. */
    static byte[] unit(int i, long seq, int status) {
        ByteBuffer b = ByteBuffer.allocate(72);
        b.putLong(seq).putLong(seq).put((byte) status);
        b.put(String.format("urn:party:p%08d", i % 97).getBytes(StandardCharsets.US_ASCII));
        b.put(String.format("L%07d", i / 10_000).getBytes(StandardCharsets.US_ASCII));
        b.putLong(20281231L);
        return b.array();
    }

    static long liveHeap() {
        System.gc();
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static final class Rocks implements Store {
        private final Path folder;
        private final LRUCache cache = new LRUCache(Long.getLong("spike.cacheMb", 256) << 20);
        private final Options options;
        private final RocksDB db;
        private final WriteOptions writeOptions = new WriteOptions();

        Rocks(Path folder) throws RocksDBException, IOException {
            this.folder = folder;
            Files.createDirectories(folder);
            var table = new BlockBasedTableConfig()
                    .setBlockCache(cache)
                    .setFilterPolicy(new BloomFilter(10))
                    // A whole-file filter of ten million keys is larger than a cache shard: partitioned, in
                    // the cache, its top level pinned, as RocksDB's own tuning guide has it for large stores.
                    .setIndexType(IndexType.kTwoLevelIndexSearch)
                    .setPartitionFilters(true)
                    .setMetadataBlockSize(4096)
                    .setCacheIndexAndFilterBlocks(true)
                    .setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinTopLevelIndexAndFilter(true);
            options = new Options()
                    .setCreateIfMissing(true)
                    .setTableFormatConfig(table)
                    .setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setWriteBufferSize(64L << 20)
                    .setMaxBackgroundJobs(2)
                    .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery);
            db = RocksDB.open(options, folder.toString());
        }

        @Override
        public byte[] get(byte[] key) {
            try {
                return db.get(key);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Map<Key, byte[]> getAll(List<byte[]> keys) {
            // One batched lookup per chunk, as PostgreSQL gets one query: RocksDB sorts the keys and walks
            // each level once.
            List<byte[]> distinct =
                    keys.stream().map(Key::new).distinct().map(Key::bytes).toList();
            try {
                List<byte[]> found = db.multiGetAsList(distinct);
                Map<Key, byte[]> values = new HashMap<>();
                for (int i = 0; i < distinct.size(); i++) {
                    values.put(new Key(distinct.get(i)), found.get(i));
                }
                return values;
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(Map<Key, byte[]> changes, long position) {
            try (var batch = new WriteBatch()) {
                for (var e : changes.entrySet()) {
                    batch.put(e.getKey().bytes(), e.getValue());
                }
                batch.put(POSITION, ByteBuffer.allocate(8).putLong(position).array());
                db.write(writeOptions, batch);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public long bytesOnDisk() {
            try {
                db.flushWal(true);
                db.compactRange();
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(Files::isRegularFile)
                        .mapToLong(p -> p.toFile().length())
                        .sum();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            db.close();
            options.close();
            writeOptions.close();
            cache.close();
        }
    }

    static final class Postgres implements Store {
        private final Connection c;

        Postgres(String url) throws SQLException {
            c = DriverManager.getConnection(url, "postgres", "postgres");
            try (var s = c.createStatement()) {
                s.execute("create table if not exists spike_unit (code bytea primary key, state bytea not null)");
                s.execute("create table if not exists spike_position (id int primary key, seq bigint not null)");
            }
            c.setAutoCommit(false);
        }

        @Override
        public byte[] get(byte[] key) {
            return getAll(List.of(key)).get(new Key(key));
        }

        @Override
        public Map<Key, byte[]> getAll(List<byte[]> keys) {
            try (PreparedStatement s = c.prepareStatement("select code, state from spike_unit where code = any(?)")) {
                s.setArray(1, c.createArrayOf("bytea", keys.toArray(new byte[0][])));
                Map<Key, byte[]> values = new HashMap<>();
                try (var rows = s.executeQuery()) {
                    while (rows.next()) {
                        values.put(new Key(rows.getBytes(1)), rows.getBytes(2));
                    }
                }
                return values;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(Map<Key, byte[]> changes, long position) {
            byte[][] codes = new byte[changes.size()][];
            byte[][] states = new byte[changes.size()][];
            int i = 0;
            for (var e : changes.entrySet()) {
                codes[i] = e.getKey().bytes();
                states[i++] = e.getValue();
            }
            try (PreparedStatement s =
                            c.prepareStatement("insert into spike_unit select * from unnest(?::bytea[], ?::bytea[])"
                                    + " on conflict (code) do update set state = excluded.state");
                    PreparedStatement p = c.prepareStatement(
                            "insert into spike_position values (1, ?) on conflict (id) do update set seq = excluded.seq")) {
                s.setArray(1, c.createArrayOf("bytea", codes));
                s.setArray(2, c.createArrayOf("bytea", states));
                s.executeUpdate();
                p.setLong(1, position);
                p.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public long bytesOnDisk() {
            try (var s = c.createStatement();
                    var r = s.executeQuery("select pg_total_relation_size('spike_unit')")) {
                r.next();
                long size = r.getLong(1);
                c.commit();
                return size;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                c.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
