package dev.custodyledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.testing.ListedTree;
import dev.custodyledger.core.testing.Vectors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The transparency-dev proof cases and the RFC 6962 reference tree, read in place from the shared vectors. */
class MerkleVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void everyInclusionCaseVerifiesOrFailsAsTheVectorSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Path file : cases("inclusion")) {
            JsonNode c = read(file);
            boolean failed = fails(() -> MerkleTree.verifyInclusion(
                    c.get("leafIdx").asLong(),
                    c.get("treeSize").asLong(),
                    b64(c.get("leafHash")),
                    hashes(c.get("proof")),
                    b64(c.get("root"))));
            cases++;
            if (failed != c.get("wantErr").asBoolean()) {
                wrong.add(file + ": " + c.get("desc").asText());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cases).isGreaterThan(50);
    }

    @Test
    void everyConsistencyCaseVerifiesOrFailsAsTheVectorSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Path file : cases("consistency")) {
            JsonNode c = read(file);
            boolean failed = fails(() -> MerkleTree.verifyConsistency(
                    c.get("size1").asLong(),
                    c.get("size2").asLong(),
                    b64(c.get("root1")),
                    b64(c.get("root2")),
                    hashes(c.get("proof"))));
            cases++;
            if (failed != c.get("wantErr").asBoolean()) {
                wrong.add(file + ": " + c.get("desc").asText());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cases).isGreaterThan(50);
    }

    @Test
    void theReferenceTreeHasTheReferenceRootsAndItsProofsAreTheVectorsProofs() throws IOException {
        JsonNode tree = Vectors.json("merkle/rfc6962-reference-tree.json");
        List<byte[]> leaves = new ArrayList<>();
        tree.get("leaf_inputs_hex").forEach(l -> leaves.add(MerkleHash.leaf(HEX.parseHex(l.asText()))));
        for (int i = 0; i < leaves.size(); i++) {
            assertThat(HEX.formatHex(leaves.get(i)))
                    .isEqualTo(tree.get("leaf_hashes_hex").get(i).asText());
        }
        JsonNode levels = tree.get("node_hashes_by_level").get("levels");
        for (int height = 0; height < levels.size(); height++) {
            for (int index = 0; index < levels.get(height).size(); index++) {
                assertThat(HEX.formatHex(ListedTree.over(leaves).subtree(height, index)))
                        .isEqualTo(levels.get(height).get(index).asText());
            }
        }
        JsonNode roots = tree.get("root_hashes_by_tree_size");
        var builder = TreeBuilder.empty();
        assertThat(HEX.formatHex(builder.root())).isEqualTo(roots.get("0").asText());
        for (int size = 1; size <= leaves.size(); size++) {
            builder.append(
                    HEX.parseHex(tree.get("leaf_inputs_hex").get(size - 1).asText()));
            assertThat(HEX.formatHex(MerkleTree.root(size, ListedTree.over(leaves))))
                    .isEqualTo(roots.get(Integer.toString(size)).asText());
            assertThat(HEX.formatHex(builder.root()))
                    .isEqualTo(roots.get(Integer.toString(size)).asText());
        }
        // The happy-path vectors are proofs over these leaves: building them gives exactly those hashes.
        for (Path file : cases("inclusion")) {
            JsonNode c = read(file);
            if (!c.get("wantErr").asBoolean()
                    && c.get("treeSize").asLong() <= leaves.size()
                    && c.get("desc").asText().equals("happy path")) {
                List<byte[]> built = MerkleTree.inclusionProof(
                        c.get("leafIdx").asLong(), c.get("treeSize").asLong(), ListedTree.over(leaves));
                assertThat(built)
                        .as(file.toString())
                        .zipSatisfy(
                                hashes(c.get("proof")), (a, b) -> assertThat(a).isEqualTo(b));
                assertThat(built).hasSize(c.get("proof").size());
            }
        }
        for (Path file : cases("consistency")) {
            JsonNode c = read(file);
            if (!c.get("wantErr").asBoolean() && c.get("desc").asText().equals("happy path")) {
                List<byte[]> built = MerkleTree.consistencyProof(
                        c.get("size1").asLong(), c.get("size2").asLong(), ListedTree.over(leaves));
                assertThat(built).hasSize(c.get("proof").size());
                assertThat(built)
                        .zipSatisfy(
                                hashes(c.get("proof")), (a, b) -> assertThat(a).isEqualTo(b));
            }
        }
    }

    /** Subtree hashes over a list of leaf hashes, as a test's tree keeps them. */
    private static List<Path> cases(String kind) throws IOException {
        Path dir = Vectors.dir().resolve("merkle/transparency-dev/testdata").resolve(kind);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
    }

    private static byte[] b64(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asText());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(h -> out.add(b64(h)));
        }
        return out;
    }

    private interface Check {
        void run() throws ProofException;
    }

    private static boolean fails(Check check) {
        try {
            check.run();
            return false;
        } catch (ProofException e) {
            return true;
        }
    }
}
