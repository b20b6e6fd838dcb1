package dev.custodyledger.fold;

import dev.custodyledger.core.fold.MemoryStateStore;
import dev.custodyledger.core.fold.StateStore;
import dev.custodyledger.store.RocksStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a service keeps the fold's state (ADR 26): a folder of the replica's own, or the heap for tests and small
 * logs. A rebuild wipes it and starts again from genesis.
 */
public interface StateHome {
    /** The store; after {@link #wipe}, an empty one. */
    StateStore open();

    /** Empties the home; the store it opened must be closed. */
    void wipe();

    /** Where it is, for the logs. */
    String describe();

    /** The state in the heap: a restart folds the log again from its first record. */
    static StateHome inHeap() {
        return new StateHome() {
            private MemoryStateStore store = new MemoryStateStore();

            @Override
            public StateStore open() {
                return store;
            }

            @Override
            public void wipe() {
                store = new MemoryStateStore();
            }

            @Override
            public String describe() {
                return "the heap";
            }
        };
    }

    /** RocksDB in {@code folder}, with a block cache of {@code cacheBytes} outside the heap. */
    static StateHome onDisk(Path folder, long cacheBytes) {
        return new StateHome() {
            @Override
            public StateStore open() {
                return RocksStateStore.open(folder, cacheBytes);
            }

            @Override
            public void wipe() {
                if (!Files.exists(folder)) {
                    return;
                }
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder())
                            .filter(p -> !p.equals(folder))
                            .forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe() {
                return folder.toString();
            }
        };
    }
}
