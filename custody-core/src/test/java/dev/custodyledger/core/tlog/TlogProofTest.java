package dev.custodyledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.testing.ListedTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlogProofTest {
    static final String ORIGIN = "example.test/custody-log";
    final Ed25519PrivateKey logKey = Ed25519PrivateKey.of(new byte[32]);
    final Ed25519PrivateKey witnessKey = Ed25519PrivateKey.of(filled(7));
    final NoteKey log = new NoteKey(ORIGIN, NoteKey.ED25519, logKey.publicKey());
    final NoteKey witness = new NoteKey("witness.test/w1", NoteKey.COSIGNATURE, witnessKey.publicKey());

    final List<byte[]> entries = new ArrayList<>();
    final List<byte[]> leafHashes = new ArrayList<>();

    TlogProofTest() {
        for (int i = 0; i < 1000; i++) {
            byte[] entry = ("entry " + i).getBytes(StandardCharsets.UTF_8);
            entries.add(entry);
            leafHashes.add(MerkleHash.leaf(entry));
        }
    }

    TlogProof proofOf(int index, boolean cosigned) {
        SubtreeHashes hashes = ListedTree.over(leafHashes);
        var checkpoint = new Checkpoint(ORIGIN, entries.size(), MerkleTree.root(entries.size(), hashes));
        SignedNote note = SignedNote.sign(checkpoint.text(), ORIGIN, logKey);
        if (cosigned) {
            note = note.with(List.of(Cosignature.sign(witness.name(), witnessKey, checkpoint.text(), 1_700_000_000L)));
        }
        return new TlogProof(entries.get(index), index, MerkleTree.inclusionProof(index, entries.size(), hashes), note);
    }

    @Test
    void aProofReadBackFromItsTextChecksAgainstTheLogKeyAndAQuorumOfWitnesses() throws Exception {
        TlogProof proof = TlogProof.parse(proofOf(421, true).encode());

        Checkpoint checkpoint = proof.verify(new LogPolicy(log, List.of(witness), 1), proof.extra());

        assertThat(checkpoint.size()).isEqualTo(1000);
        assertThat(proof.index()).isEqualTo(421);
        assertThat(proof.extra()).isEqualTo(entries.get(421));
        assertThat(proof.encode()).startsWith("c2sp.org/tlog-proof@v1\nextra ZW50cnkgNDIx\nindex 421\n");
    }

    @Test
    void anotherEntryAtTheSameIndexIsNotIncluded() {
        TlogProof proof = proofOf(421, true);
        assertThatThrownBy(() -> proof.verify(new LogPolicy(log, List.of(witness), 1), entries.get(422)))
                .isInstanceOf(ProofException.class);
    }

    @Test
    void aCheckpointWithoutEnoughCosignaturesIsRefused() {
        TlogProof proof = proofOf(3, false);
        assertThatThrownBy(() -> proof.verify(new LogPolicy(log, List.of(witness), 1), entries.get(3)))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("0 of the 1 cosignatures");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsRefused() {
        TlogProof proof = proofOf(3, true);
        var stranger = new NoteKey(ORIGIN, NoteKey.ED25519, witnessKey.publicKey());
        assertThatThrownBy(() -> proof.verify(new LogPolicy(stranger, List.of(), 0), entries.get(3)))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("not signed by the log key");
    }

    @Test
    void anAlteredProofHashOrIndexFailsTheInclusionCheck() throws Exception {
        String text = proofOf(500, true).encode();
        TlogProof moved = TlogProof.parse(text.replace("index 500\n", "index 501\n"));
        assertThatThrownBy(() -> moved.verify(new LogPolicy(log, List.of(witness), 1), moved.extra()))
                .isInstanceOf(ProofException.class);
        TlogProof beyond = TlogProof.parse(text.replace("index 500\n", "index 1000\n"));
        assertThatThrownBy(() -> beyond.verify(new LogPolicy(log, List.of(witness), 1), beyond.extra()))
                .hasMessageContaining("beyond the checkpoint");
    }

    @Test
    void textThatIsNotAProofIsRefusedWithItsReason() {
        String good = proofOf(1, false).encode();
        assertThatThrownBy(() -> TlogProof.parse(good.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2")))
                .hasMessageContaining("starts with the line");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("index 1\n", "index 01\n")))
                .hasMessageContaining("leading zero");
        assertThatThrownBy(() -> TlogProof.parse(good.replace("\n\n", "\n"))).hasMessageContaining("blank line");
        assertThatThrownBy(() -> TlogProof.parse("x".repeat(TlogProof.MAX_BYTES + 1)))
                .hasMessageContaining("at most");
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
