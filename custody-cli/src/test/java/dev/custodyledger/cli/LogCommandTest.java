package dev.custodyledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.testing.ListedTree;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.Cosignature;
import dev.custodyledger.core.tlog.LogLeaf;
import dev.custodyledger.core.tlog.MerkleHash;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.TlogProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody log verify} and {@code custody log consistency} on files alone: no network, exit 0 or 1. */
class LogCommandTest {
    static final String ORIGIN = "example.test/custody-log";

    @TempDir
    Path dir;

    final Ed25519PrivateKey logKey = Ed25519PrivateKey.generate();
    final Ed25519PrivateKey witnessKey = Ed25519PrivateKey.generate();
    final String logVkey = new NoteKey(ORIGIN, NoteKey.ED25519, logKey.publicKey()).vkey();
    final String witnessVkey = new NoteKey("witness.test/w1", NoteKey.COSIGNATURE, witnessKey.publicKey()).vkey();
    final List<byte[]> entries = new ArrayList<>();
    final List<byte[]> leaves = new ArrayList<>();

    LogCommandTest() {
        for (int i = 1; i <= 300; i++) {
            byte[] digest = MerkleHash.leaf(new byte[] {(byte) i});
            byte[] entry = new LogLeaf(i, Instant.ofEpochMilli(i), true, digest, EventType.HANDOFF, null).encode();
            entries.add(entry);
            leaves.add(MerkleHash.leaf(entry));
        }
    }

    @Test
    void anInclusionProofChecksOfflineAgainstTheLogKeyAndTheWitnessQuorum() throws Exception {
        Path proof = write("p.tlog-proof", proof(120, 300, true).encode());
        assertThat(CustodyCli.run(
                        "log",
                        "verify",
                        proof.toString(),
                        "--log-key",
                        logVkey,
                        "--witness",
                        witnessVkey,
                        "--quorum",
                        "1",
                        "--event-id",
                        "sha256:"
                                + HexFormat.of()
                                        .formatHex(
                                                LogLeaf.decode(entries.get(120)).digest())))
                .isZero();
        Path uncosigned = write("u.tlog-proof", proof(120, 300, false).encode());
        assertThat(CustodyCli.run(
                        "log",
                        "verify",
                        uncosigned.toString(),
                        "--log-key",
                        logVkey,
                        "--witness",
                        witnessVkey,
                        "--quorum",
                        "1"))
                .as("short of the quorum")
                .isEqualTo(1);
        String moved = proof(120, 300, true).encode().replace("index 120\n", "index 121\n");
        assertThat(CustodyCli.run("log", "verify", write("m.tlog-proof", moved).toString(), "--log-key", logVkey))
                .isEqualTo(1);
    }

    @Test
    void aNewerCheckpointMustExtendTheOlderOrTheCheckSaysNot() throws Exception {
        Path older = write("old.checkpoint", checkpoint(100).encode());
        Path newer = write("new.checkpoint", checkpoint(300).encode());
        Path proof = write("proof", lines(MerkleTree.consistencyProof(100, 300, ListedTree.over(leaves))));
        assertThat(CustodyCli.run(
                        "log",
                        "consistency",
                        older.toString(),
                        newer.toString(),
                        "--log-key",
                        logVkey,
                        "--proof",
                        proof.toString()))
                .isZero();

        leaves.set(40, MerkleHash.leaf(new byte[] {1, 2, 3}));
        Path forked = write("fork.checkpoint", checkpoint(300).encode());
        Path forkProof = write("fork-proof", lines(MerkleTree.consistencyProof(100, 300, ListedTree.over(leaves))));
        assertThat(CustodyCli.run(
                        "log",
                        "consistency",
                        older.toString(),
                        forked.toString(),
                        "--log-key",
                        logVkey,
                        "--proof",
                        forkProof.toString()))
                .as("the log key signed a history that rewrites the one before")
                .isEqualTo(1);
        assertThat(CustodyCli.run(
                        "log",
                        "consistency",
                        newer.toString(),
                        older.toString(),
                        "--log-key",
                        logVkey,
                        "--proof",
                        proof.toString()))
                .as("a rollback")
                .isEqualTo(1);
    }

    private TlogProof proof(int index, int size, boolean cosigned) {
        SignedNote note = checkpoint(size);
        if (cosigned) {
            note = note.with(List.of(Cosignature.sign("witness.test/w1", witnessKey, note.text(), 1_700_000_000L)));
        }
        return new TlogProof(
                entries.get(index), index, MerkleTree.inclusionProof(index, size, ListedTree.over(leaves)), note);
    }

    private SignedNote checkpoint(int size) {
        var body = new Checkpoint(ORIGIN, size, MerkleTree.root(size, ListedTree.over(leaves)));
        return SignedNote.sign(body.text(), ORIGIN, logKey);
    }

    private static String lines(List<byte[]> hashes) {
        var out = new StringBuilder();
        hashes.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return out.toString();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
