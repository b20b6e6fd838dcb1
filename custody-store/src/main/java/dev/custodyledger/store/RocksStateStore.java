package dev.custodyledger.store;

import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.Product;
import dev.custodyledger.core.fold.ChangeSet;
import dev.custodyledger.core.fold.Decision;
import dev.custodyledger.core.fold.EntryCodec;
import dev.custodyledger.core.fold.FoldPosition;
import dev.custodyledger.core.fold.KeyState;
import dev.custodyledger.core.fold.LotKey;
import dev.custodyledger.core.fold.LotState;
import dev.custodyledger.core.fold.PartyState;
import dev.custodyledger.core.fold.StateStore;
import dev.custodyledger.core.fold.UnitState;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.PartyId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.Env;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.SstFileManager;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The fold's state in an embedded RocksDB in a folder of the replica's own (ADR 26). Every entry is a key of
 * its kind ({@link StoreKeys}) and its {@link EntryCodec} bytes; a generation is one {@code WriteBatch} with the
 * position, so the folder always holds the state at its position, whatever kills the process. Memory is the
 * block cache (bounded, outside the heap) and small caches of lots, products, parties and keys. Reads are thread-safe; one
 * thread applies.
 */
public final class RocksStateStore implements StateStore {
    static {
        RocksDB.loadLibrary();
    }

    private static final int CACHE_LIMIT = 10_000;

    private final Path folder;
    private final LRUCache blockCache;
    private final SstFileManager files;
    private final Options options;
    /** Null after a failed write until it opens again: RocksDB refuses every write after one failed. */
    private volatile RocksDB db;

    private final WriteOptions writeOptions = new WriteOptions();
    private final Map<LotKey, LotState> lots = new ConcurrentHashMap<>();
    /** Parties and keys are few and read for nearly every record (its signer, its key): kept decoded. */
    private final Map<PartyId, PartyState> parties = new ConcurrentHashMap<>();

    private final Map<KeyId, KeyState> keys = new ConcurrentHashMap<>();
    private final Map<StoreKeys.Bytes, Product> products = new ConcurrentHashMap<>();
    private final Function<byte[], Product> productLookup = this::product;
    private volatile FoldPosition position;

    private RocksStateStore(Path folder, long blockCacheBytes) throws RocksDBException {
        this.folder = folder;
        this.blockCache = new LRUCache(blockCacheBytes);
        var table = new BlockBasedTableConfig()
                .setBlockCache(blockCache)
                .setFilterPolicy(new BloomFilter(10))
                // A whole-file filter of millions of keys is larger than a cache shard and would be read again on
                // every lookup: index and filters are partitioned, cached, their top level pinned.
                .setIndexType(IndexType.kTwoLevelIndexSearch)
                .setPartitionFilters(true)
                .setMetadataBlockSize(4096)
                .setCacheIndexAndFilterBlocks(true)
                .setCacheIndexAndFilterBlocksWithHighPriority(true)
                .setPinTopLevelIndexAndFilter(true);
        // With a file manager, a flush or compaction that meets a full disk resumes by itself once space returns;
        // a failed write of the log is recovered by opening the folder again (reopenAfterFailure).
        this.files = new SstFileManager(Env.getDefault());
        this.options = new Options()
                .setCreateIfMissing(true)
                .setSstFileManager(files)
                .setTableFormatConfig(table)
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setWriteBufferSize(64L << 20)
                .setMaxBackgroundJobs(2)
                // A crash keeps every generation written before it, whole, and none after: state and position agree.
                .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery);
        this.db = RocksDB.open(options, folder.toString());
        byte[] stored = db.get(StoreKeys.POSITION);
        this.position = stored == null ? null : EntryCodec.position(stored);
    }

    /** Opens (or creates) the store in {@code folder} with a block cache of {@code blockCacheBytes}. */
    public static RocksStateStore open(Path folder, long blockCacheBytes) {
        try {
            Files.createDirectories(folder);
            return new RocksStateStore(folder, blockCacheBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RocksDBException e) {
            throw new StoreException("cannot open the state store in " + folder + ": " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public FoldPosition position() {
        return position;
    }

    @Override
    public UnitState unit(UnitCode code) {
        byte[] bytes = get(StoreKeys.unit(code));
        return bytes == null ? null : EntryCodec.unit(bytes, productLookup, code);
    }

    @Override
    public LotState lot(LotKey key) {
        LotState cached = lots.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = get(StoreKeys.lot(key));
        if (bytes == null) {
            return null;
        }
        LotState lot = EntryCodec.lot(bytes);
        remember(lots, key, lot);
        return lot;
    }

    @Override
    public List<UnitCode> unitsOf(LotKey lot) {
        List<UnitCode> units = new ArrayList<>();
        scan(StoreKeys.membersOf(lot), value -> units.add(UnitCode.parse(new String(value, StandardCharsets.UTF_8))));
        return units;
    }

    @Override
    public Decision decision(EventId id) {
        byte[] bytes = get(StoreKeys.decision(id));
        return bytes == null ? null : EntryCodec.decision(bytes);
    }

    @Override
    public PartyState party(PartyId id) {
        PartyState cached = parties.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = get(StoreKeys.party(id));
        if (bytes == null) {
            return null;
        }
        PartyState party = EntryCodec.party(bytes);
        remember(parties, id, party);
        return party;
    }

    @Override
    public KeyState key(KeyId id) {
        KeyState cached = keys.get(id);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = get(StoreKeys.key(id));
        if (bytes == null) {
            return null;
        }
        KeyState key = EntryCodec.key(bytes);
        remember(keys, id, key);
        return key;
    }

    @Override
    public Collection<PartyState> parties() {
        List<PartyState> parties = new ArrayList<>();
        scan(new byte[] {StoreKeys.PARTY}, value -> parties.add(EntryCodec.party(value)));
        return parties;
    }

    @Override
    public Collection<KeyState> keys() {
        List<KeyState> keys = new ArrayList<>();
        scan(new byte[] {StoreKeys.KEY}, value -> keys.add(EntryCodec.key(value)));
        return keys;
    }

    @Override
    public void apply(ChangeSet changes) {
        Map<StoreKeys.Bytes, byte[]> newProducts = new HashMap<>();
        try (var batch = new WriteBatch()) {
            for (UnitState unit : changes.units().values()) {
                batch.put(StoreKeys.unit(unit.code()), EntryCodec.unit(unit));
                if (unit.product() != null) {
                    var hash = new StoreKeys.Bytes(EntryCodec.productHash(unit.product()));
                    if (!products.containsKey(hash) && !newProducts.containsKey(hash)) {
                        newProducts.put(hash, EntryCodec.product(unit.product()));
                    }
                }
            }
            for (var e : newProducts.entrySet()) {
                batch.put(StoreKeys.product(e.getKey().bytes()), e.getValue());
            }
            for (LotState lot : changes.lots().values()) {
                batch.put(StoreKeys.lot(lot.key()), EntryCodec.lot(lot));
            }
            putMembers(batch, changes);
            for (PartyState party : changes.parties().values()) {
                batch.put(StoreKeys.party(party.id()), EntryCodec.party(party));
            }
            for (KeyState key : changes.keys().values()) {
                batch.put(StoreKeys.key(key.keyId()), EntryCodec.key(key));
            }
            for (var d : changes.decisions().entrySet()) {
                batch.put(StoreKeys.decision(d.getKey()), EntryCodec.decision(d.getValue()));
            }
            batch.put(StoreKeys.POSITION, EntryCodec.position(changes.position()));
            db().write(writeOptions, batch);
        } catch (RocksDBException e) {
            reopenAfterFailure();
            throw new StoreException(
                    "the state store could not write seq " + changes.position().seq() + ": " + e.getMessage(), e);
        }
        changes.lots().forEach((key, lot) -> remember(lots, key, lot));
        changes.parties().values().forEach(party -> remember(parties, party.id(), party));
        changes.keys().values().forEach(key -> remember(keys, key.keyId(), key));
        position = changes.position();
    }

    /**
     * A lot's members are keyed by the commissioning record's seq and the unit's place in the generation, so
     * that a scan of the lot gives them in commission order.
     */
    private static void putMembers(WriteBatch batch, ChangeSet changes) throws RocksDBException {
        int ordinal = 0;
        for (ChangeSet.Member m : changes.members()) {
            long seq = changes.units().get(m.unit()).createdSeq();
            batch.put(StoreKeys.member(m.lot(), seq, ordinal++), m.unit().path().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A failed write (a full disk, above all) leaves RocksDB refusing every later write until the folder is opened
     * again; opening it replays the log to its last whole batch. If that fails too (the disk still full), the next
     * use tries again. Called under the caller's exclusion of readers, as {@link #apply} is.
     */
    private void reopenAfterFailure() {
        RocksDB failed = db;
        db = null;
        if (failed != null) {
            failed.close();
        }
        try {
            db();
        } catch (StoreException stillFailing) {
            // the next read or write tries again
        }
    }

    private RocksDB db() {
        RocksDB open = db;
        if (open != null) {
            return open;
        }
        synchronized (this) {
            if (db == null) {
                try {
                    RocksDB reopened = RocksDB.open(options, folder.toString());
                    byte[] stored = reopened.get(StoreKeys.POSITION);
                    position = stored == null ? null : EntryCodec.position(stored);
                    lots.clear();
                    parties.clear();
                    keys.clear();
                    db = reopened;
                } catch (RocksDBException e) {
                    throw new StoreException(
                            "the state store in " + folder + " cannot be opened again: " + e.getMessage(), e);
                }
            }
            return db;
        }
    }

    private Product product(byte[] hash) {
        var key = new StoreKeys.Bytes(hash);
        Product cached = products.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = get(StoreKeys.product(hash));
        if (bytes == null) {
            return null;
        }
        Product product = EntryCodec.product(bytes);
        remember(products, key, product);
        return product;
    }

    private static <K, V> void remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private byte[] get(byte[] key) {
        try {
            return db().get(key);
        } catch (RocksDBException e) {
            throw new StoreException("the state store could not be read: " + e.getMessage(), e);
        }
    }

    private void scan(byte[] prefix, java.util.function.Consumer<byte[]> values) {
        try (var read = new ReadOptions().setPrefixSameAsStart(false);
                RocksIterator it = db().newIterator(read)) {
            for (it.seek(prefix); it.isValid() && StoreKeys.startsWith(it.key(), prefix); it.next()) {
                values.accept(it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw new StoreException("the state store could not be scanned: " + e.getMessage(), e);
        }
    }

    /** What an offline check of the store found: its position, its entries by kind, and every problem. */
    public record CheckReport(FoldPosition position, Map<String, Long> entries, List<String> problems) {
        public boolean sound() {
            return problems.isEmpty();
        }
    }

    /**
     * The offline check for corruption at rest: RocksDB verifies every block's checksum, then every entry is
     * decoded by its kind (a unit with its product), so bytes that no longer mean what was written are named.
     * Reads the whole store: run it on a folder no service has open.
     */
    public CheckReport check() {
        List<String> problems = new ArrayList<>();
        try {
            db().verifyChecksum();
        } catch (RocksDBException e) {
            problems.add("checksums: " + e.getMessage());
        }
        Map<String, Long> entries = new java.util.TreeMap<>();
        try (var read = new ReadOptions().setVerifyChecksums(true);
                RocksIterator it = db().newIterator(read)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                String kind = StoreKeys.kindOf(key);
                entries.merge(kind, 1L, Long::sum);
                try {
                    decode(kind, it.value());
                } catch (RuntimeException e) {
                    if (problems.size() < 100) {
                        problems.add(kind + " " + StoreKeys.describe(key) + ": " + e.getMessage());
                    }
                }
            }
            it.status();
        } catch (RocksDBException e) {
            problems.add("scan: " + e.getMessage());
        }
        return new CheckReport(position, entries, problems);
    }

    private void decode(String kind, byte[] value) {
        switch (kind) {
            case "unit" -> {
                if (EntryCodec.unit(value, productLookup) == null) {
                    throw new IllegalStateException("no unit");
                }
            }
            case "lot" -> EntryCodec.lot(value);
            case "party" -> EntryCodec.party(value);
            case "key" -> EntryCodec.key(value);
            case "decision" -> EntryCodec.decision(value);
            case "product" -> EntryCodec.product(value);
            case "position" -> EntryCodec.position(value);
            case "member" -> UnitCode.parse(new String(value, StandardCharsets.UTF_8));
            default -> throw new IllegalStateException("a key of no known kind");
        }
    }

    /** Bytes of the store's files on disk: what it costs per unit. */
    public long bytesOnDisk() {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        RocksDB open = db;
        if (open != null) {
            open.close();
        }
        options.close();
        files.close();
        writeOptions.close();
        blockCache.close();
    }
}
