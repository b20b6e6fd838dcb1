package dev.custodyledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyPem;
import dev.custodyledger.core.testing.ListedTree;
import dev.custodyledger.core.tlog.AddCheckpoint;
import dev.custodyledger.core.tlog.Checkpoint;
import dev.custodyledger.core.tlog.MerkleHash;
import dev.custodyledger.core.tlog.MerkleTree;
import dev.custodyledger.core.tlog.NoteKey;
import dev.custodyledger.core.tlog.SignedNote;
import dev.custodyledger.core.tlog.SubtreeHashes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custody witness} as a separate process on 127.0.0.1, killed and started again on its state file. */
class WitnessProcessTest {
    static final String ORIGIN = "example.test/custody-log";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    final Ed25519PrivateKey logKey = Ed25519PrivateKey.generate();
    final List<byte[]> leaves = new ArrayList<>();
    Process witness;
    URI url;
    NoteKey verifier;

    @AfterEach
    void stop() {
        if (witness != null) {
            witness.destroyForcibly();
        }
    }

    @Test
    void aWitnessCosignsGrowthRefusesForksAndRollbacksAndKeepsItsPositionAcrossAKill() throws Exception {
        for (int i = 0; i < 500; i++) {
            leaves.add(MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        Files.writeString(dir.resolve("w.key.pem"), KeyPem.privateKey(Ed25519PrivateKey.generate()));
        start();

        HttpResponse<String> first = post(0, 100, List.of());
        assertThat(first.statusCode()).isEqualTo(200);
        SignedNote cosigned = SignedNote.parse(checkpoint(100).text() + "\n" + first.body());
        assertThat(cosigned.verify(List.of(verifier))).containsExactly(verifier);
        assertThat(post(100, 300, proof(100, 300)).statusCode()).isEqualTo(200);

        byte[] original = leaves.get(7);
        leaves.set(7, MerkleHash.leaf("rewritten".getBytes(StandardCharsets.UTF_8)));
        assertThat(post(300, 300, List.of()).statusCode())
                .as("a fork at the same size")
                .isEqualTo(409);
        assertThat(post(300, 400, proof(300, 400)).statusCode())
                .as("a rewritten history")
                .isEqualTo(422);
        leaves.set(7, original);

        witness.destroyForcibly().waitFor();
        start();
        HttpResponse<String> stale = post(0, 400, List.of());
        assertThat(stale.statusCode()).as("it remembers what it cosigned").isEqualTo(409);
        assertThat(stale.headers().firstValue("Content-Type")).hasValue("text/x.tlog.size");
        assertThat(stale.body()).isEqualTo("300\n");
        assertThat(post(300, 200, List.of()).statusCode()).as("a rollback").isEqualTo(400);
        assertThat(post(300, 400, proof(300, 400)).statusCode()).isEqualTo(200);
    }

    private void start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String log = new NoteKey(ORIGIN, NoteKey.ED25519, logKey.publicKey()).vkey();
        witness = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CustodyCli.class.getName(),
                        "witness",
                        "--name",
                        "witness.test/w1",
                        "--key",
                        dir.resolve("w.key.pem").toString(),
                        "--log",
                        log,
                        "--state",
                        dir.resolve("w.state").toString(),
                        "--listen",
                        "127.0.0.1:0")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var out = new BufferedReader(new InputStreamReader(witness.getInputStream(), StandardCharsets.UTF_8));
        String listening = out.readLine();
        String vkey = out.readLine();
        assertThat(listening).contains("listening on http://127.0.0.1:");
        url = URI.create(listening.substring(listening.indexOf("http://")));
        verifier = NoteKey.parse(vkey.substring("verifier key ".length()));
    }

    private HttpResponse<String> post(long old, int size, List<byte[]> proof) throws Exception {
        String body = new AddCheckpoint(old, proof, checkpoint(size)).encode();
        return HTTP.send(
                HttpRequest.newBuilder(url)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SignedNote checkpoint(int size) {
        return SignedNote.sign(new Checkpoint(ORIGIN, size, MerkleTree.root(size, hashes())).text(), ORIGIN, logKey);
    }

    private List<byte[]> proof(int from, int to) {
        return MerkleTree.consistencyProof(from, to, hashes());
    }

    private SubtreeHashes hashes() {
        return ListedTree.over(leaves);
    }
}
