package dev.custodyledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

/** The offline check reads every entry of a store: a sound one is reported by kind, a damaged entry by its key. */
class StoreCheckTest {
    @TempDir
    Path folder;

    @Test
    void aFoldedStoreIsSoundAndCountedByKind() {
        fold();
        try (var store = RocksStateStore.open(folder, 8 << 20)) {
            var report = store.check();

            assertThat(report.problems()).isEmpty();
            assertThat(report.entries())
                    .containsEntry("unit", (long) CommittingFolder.UNITS)
                    .containsEntry("member", (long) CommittingFolder.UNITS)
                    .containsEntry("party", 3L)
                    .containsEntry("position", 1L);
            assertThat(report.position().seq()).isEqualTo(CommittingFolder.log().size());
        }
    }

    @Test
    void anEntryThatNoLongerDecodesIsNamedWithItsKey() throws Exception {
        fold();
        String unit = CommittingFolder.units().get(7).path();
        try (var options = new Options();
                var raw = RocksDB.open(options, folder.toString())) {
            raw.put(("u" + unit).getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3});
        }
        try (var store = RocksStateStore.open(folder, 8 << 20)) {
            var report = store.check();

            assertThat(report.sound()).isFalse();
            assertThat(report.problems()).singleElement().asString().startsWith("unit " + unit + ": ");
        }
    }

    private void fold() {
        List<LedgerRecord> log = CommittingFolder.log();
        try (var store = RocksStateStore.open(folder, 8 << 20)) {
            var fold = new CustodyFold(
                    CustodyState.open(store, CommittingFolder.ledger().anchor()),
                    LedgerRules.DEFAULT,
                    SignatureCheck.VERIFIED_UPSTREAM);
            log.forEach(fold::apply);
            fold.state().commitAll();
        }
    }
}
