package dev.custodyledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.custodyledger.core.fold.CustodyFold;
import dev.custodyledger.core.fold.CustodyState;
import dev.custodyledger.core.fold.LedgerRecord;
import dev.custodyledger.core.fold.LedgerRules;
import dev.custodyledger.core.fold.SignatureCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state store on a file system of its own (a tmpfs mounted by the test) that fills up: the commit that meets
 * the full disk fails with a message that says so, and once space returns the same store object is at its last
 * whole commit, commits again and reaches the straight fold's state. Needs root to mount; skipped
 * with a message elsewhere.
 */
class DiskFullTest {
    @TempDir
    Path dir;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aFullDiskFailsTheCommitLosesNothingAndTheStoreRecoversWhenSpaceReturns() throws Exception {
        mount = dir.resolve("fs");
        Files.createDirectories(mount);
        int mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", mount.toString())
                .redirectErrorStream(true)
                .start()
                .waitFor();
        if (mounted != 0) {
            mount = null;
        }
        assumeTrue(mounted == 0, "mounting a tmpfs needs root: the disk-full test is skipped");

        List<LedgerRecord> log = CommittingFolder.log();
        try (var store = RocksStateStore.open(mount.resolve("state"), 8 << 20)) {
            var fold = new CustodyFold(
                    CustodyState.open(store, CommittingFolder.ledger().anchor()),
                    LedgerRules.DEFAULT,
                    SignatureCheck.VERIFIED_UPSTREAM);
            int half = log.size() / 2;
            log.subList(0, half).forEach(fold::apply);
            fold.state().commitAll();

            Path filler = fill(mount.resolve("filler"));
            log.subList(half, log.size()).forEach(fold::apply);
            assertThatThrownBy(() -> fold.state().commitAll())
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("No space left");

            Files.delete(filler);
            fold.state().discard();
            assertThat(fold.state().lastSeq()).as("the last whole commit").isEqualTo(half);
            log.subList(half, log.size()).forEach(fold::apply);
            fold.state().commitAll();
            assertThat(fold.state().committed().seq()).isEqualTo(log.size());
        }
        try (var store = RocksStateStore.open(mount.resolve("state"), 8 << 20)) {
            var reopened = CustodyState.open(store, CommittingFolder.ledger().anchor());
            var straight = CustodyFold.fromGenesis(
                    CommittingFolder.ledger().anchor(), LedgerRules.DEFAULT, SignatureCheck.VERIFIED_UPSTREAM);
            log.forEach(straight::apply);
            assertThat(reopened.position()).isEqualTo(straight.state().position());
            assertThat(store.check().sound()).isTrue();
        }
    }

    /** Writes until the file system is full. */
    private static Path fill(Path file) throws IOException {
        byte[] chunk = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            return file;
        }
    }
}
