package dev.custodyledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.testing.ListedTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WitnessTest {
    static final String ORIGIN = "example.test/custody-log";
    final Ed25519PrivateKey logKey = Ed25519PrivateKey.of(new byte[32]);
    final NoteKey log = new NoteKey(ORIGIN, NoteKey.ED25519, logKey.publicKey());
    final Witness witness = new Witness("witness.test/w1", key(9), List.of(log));
    final Map<String, Witness.Seen> state = new HashMap<>();
    final List<byte[]> leaves = new ArrayList<>();

    WitnessTest() {
        for (int i = 0; i < 600; i++) {
            leaves.add(MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aWitnessCosignsAGrowingLogAndKeepsTheSizeItCosigned() throws Exception {
        cosign(add(0, 100, List.of()));
        assertThat(state.get(ORIGIN).size()).isEqualTo(100);
        var answer = (Witness.Cosigned) cosign(add(100, 450, proof(100, 450)));

        SignedNote cosigned = checkpoint(450).with(List.of(answer.cosignature()));
        assertThat(cosigned.verify(List.of(log, witness.verifier()))).contains(witness.verifier());
        assertThat(state.get(ORIGIN).size()).isEqualTo(450);
        assertThat(witness.add(add(450, 450, List.of()), state, 1)).isInstanceOf(Witness.Cosigned.class);
    }

    @Test
    void anOldSizeThatIsNotTheOneItCosignedIsAConflictThatNamesItsSize() {
        cosign(add(0, 100, List.of()));
        var refused = (Witness.Refused) witness.add(add(0, 200, List.of()), state, 1);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo("text/x.tlog.size");
        assertThat(refused.body()).isEqualTo("100\n");
    }

    @Test
    void aForkAtTheSameSizeOrAProofThatDoesNotHoldIsRefused() {
        cosign(add(0, 100, List.of()));
        leaves.set(50, MerkleHash.leaf("rewritten".getBytes(StandardCharsets.UTF_8)));
        assertThat(status(add(100, 100, List.of())))
                .as("same size, another root")
                .isEqualTo(409);
        assertThat(status(add(100, 300, proof(100, 300))))
                .as("history rewritten below the old size")
                .isEqualTo(422);
        assertThat(state.get(ORIGIN).size()).as("nothing stored").isEqualTo(100);
    }

    @Test
    void aRollbackUnknownLogsBadSignaturesAndMalformedBodiesAreRefused() {
        cosign(add(0, 300, List.of()));
        assertThat(status(add(300, 200, List.of())))
                .as("old above the new size")
                .isEqualTo(400);
        assertThat(status(add(200, 200, List.of())))
                .as("a smaller tree than it cosigned")
                .isEqualTo(409);

        var stranger =
                new Witness("witness.test/w2", key(3), List.of(new NoteKey("other.test/log", 1, key(4).publicKey())));
        assertThat(((Witness.Refused) stranger.add(add(0, 10, List.of()), state, 1)).status())
                .isEqualTo(404);
        String forged = "old 0\n\n"
                + SignedNote.sign(checkpoint(10).text(), ORIGIN, key(5)).encode();
        assertThat(status(forged.getBytes(StandardCharsets.UTF_8))).isEqualTo(403);
        assertThat(status("old 01\n\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(((Witness.Refused) witness.add(add(0, 10, proof(5, 10)), Map.of(), 1)).status())
                .as("a proof from zero is empty")
                .isEqualTo(422);
    }

    private Witness.Answer cosign(byte[] body) {
        Witness.Answer answer = witness.add(body, state, 1_700_000_000L);
        assertThat(answer).isInstanceOf(Witness.Cosigned.class);
        var cosigned = (Witness.Cosigned) answer;
        state.put(cosigned.origin(), cosigned.seen());
        return answer;
    }

    private int status(byte[] body) {
        return ((Witness.Refused) witness.add(body, state, 1)).status();
    }

    private byte[] add(long old, int size, List<byte[]> proof) {
        return new AddCheckpoint(old, proof, checkpoint(size)).encode().getBytes(StandardCharsets.UTF_8);
    }

    private SignedNote checkpoint(int size) {
        var body = new Checkpoint(ORIGIN, size, MerkleTree.root(size, ListedTree.over(leaves)));
        return SignedNote.sign(body.text(), ORIGIN, logKey);
    }

    private List<byte[]> proof(int from, int to) {
        return MerkleTree.consistencyProof(from, to, ListedTree.over(leaves));
    }

    private static Ed25519PrivateKey key(int fill) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) fill);
        return Ed25519PrivateKey.of(seed);
    }
}
