package dev.custodyledger.core.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.KeyFormatException;
import dev.custodyledger.core.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The C2SP and Go signed-note examples, read in place from the shared vectors. */
class SignedNoteVectorsTest {
    private static JsonNode examples() {
        return Vectors.json("merkle/c2sp-note/signed-note-examples.json");
    }

    @Test
    void theC2spExampleVerifiesUnderItsVerifierKey() throws Exception {
        JsonNode c = examples().get("c2sp_signed_note");
        NoteKey key = NoteKey.parse(c.get("vkey").asText());
        assertThat(key.name()).isEqualTo(c.get("key_name").asText());
        assertThat(String.format("%08x", key.keyId())).isEqualTo(c.get("key_id").asText());
        assertThat(key.vkey()).isEqualTo(c.get("vkey").asText());

        SignedNote note = SignedNote.parse(c.get("note").asText());

        assertThat(note.text()).isEqualTo(c.get("note_text").asText());
        assertThat(note.verify(List.of(key))).containsExactly(key);
        assertThat(note.encode()).isEqualTo(c.get("note").asText());
    }

    @Test
    void theGoKeySignsTheTextToExactlyItsSignatureAndBothSignaturesVerify() throws Exception {
        JsonNode g = examples().get("go_sumdb_note");
        String[] skey = g.get("skey").asText().split("\\+", 5);
        byte[] material = Base64.getDecoder().decode(skey[4]);
        var signer = Ed25519PrivateKey.of(Arrays.copyOfRange(material, 1, material.length));
        NoteKey peter = NoteKey.parse(g.get("vkey").asText());
        NoteKey enoch = NoteKey.parse(g.get("second_vkey").asText());
        assertThat(signer.publicKey()).isEqualTo(peter.publicKey());

        assertThat(SignedNote.sign(g.get("text").asText(), skey[2], signer).encode())
                .isEqualTo(g.get("note").asText());
        assertThat(SignedNote.parse(g.get("note_two_signatures").asText()).verify(List.of(peter, enoch)))
                .containsExactlyInAnyOrder(peter, enoch);
        // A key the verifier does not trust is ignored, not refused.
        assertThat(SignedNote.parse(g.get("note_two_signatures").asText()).verify(List.of(enoch)))
                .containsExactly(enoch);
    }

    @Test
    void aTamperedSignatureByATrustedKeyRejectsTheNote() throws Exception {
        JsonNode t = examples().get("go_sumdb_note").get("tampered_signature");
        SignedNote note = SignedNote.parse(t.get("note").asText());
        assertThatThrownBy(() -> note.verify(List.of(NoteKey.parse(t.get("vkey").asText()))))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("does not verify");
    }

    @Test
    void everyMalformedNoteIsRefused() {
        JsonNode malformed = examples().get("go_sumdb_note").get("malformed_notes");
        assertThat(malformed.size()).isGreaterThan(5);
        for (JsonNode m : malformed) {
            byte[] bytes = m.has("message_hex")
                    ? HexFormat.of().parseHex(m.get("message_hex").asText())
                    : m.get("message").asText().getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> SignedNote.parse(bytes))
                    .as(m.get("description").asText())
                    .isInstanceOf(ProofException.class);
        }
    }

    @Test
    void badVerifierKeysAreRefused() {
        for (JsonNode bad : examples().get("go_sumdb_note").get("bad_vkeys")) {
            assertThatThrownBy(() -> NoteKey.parse(bad.get("vkey").asText()))
                    .as(bad.get("why").asText())
                    .isInstanceOf(KeyFormatException.class);
        }
    }

    @Test
    void theCheckpointExamplesParseToTheirOriginSizeAndRoot() throws Exception {
        JsonNode c = examples().get("c2sp_tlog_checkpoint_example");
        SignedNote note = SignedNote.parse(c.get("note").asText());
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        assertThat(checkpoint.origin()).isEqualTo(c.get("origin").asText());
        assertThat(checkpoint.size()).isEqualTo(c.get("tree_size").asLong());
        assertThat(Base64.getEncoder().encodeToString(checkpoint.root()))
                .isEqualTo(c.get("root_hash_base64").asText());
        assertThat(checkpoint.text()).isEqualTo(note.text());

        JsonNode cosigned = examples().get("c2sp_tlog_cosignature_example");
        SignedNote both = SignedNote.parse(cosigned.get("note").asText());
        assertThat(both.signatures())
                .extracting(SignedNote.Signature::keyName)
                .containsExactly("example.com/behind-the-sofa", "witness.example.com/w1");
        assertThat(Cosignature.timestamp(both.signatures().get(1).bytes())).isEqualTo(1679315147L);
    }

    @Test
    void aCosignatureVerifiesUnderItsWitnessKeyAndNotAsALogSignature() throws Exception {
        var log = Ed25519PrivateKey.generate();
        var witness = Ed25519PrivateKey.generate();
        String text = new Checkpoint("example.com/log", 5, new byte[32]).text();
        SignedNote note = SignedNote.sign(text, "example.com/log", log)
                .with(List.of(Cosignature.sign("example.com/w1", witness, text, 1_700_000_000L)));
        NoteKey logKey = new NoteKey("example.com/log", NoteKey.ED25519, log.publicKey());
        NoteKey witnessKey = new NoteKey("example.com/w1", NoteKey.COSIGNATURE, witness.publicKey());

        assertThat(SignedNote.parse(note.encode()).verify(List.of(logKey, witnessKey)))
                .containsExactly(logKey, witnessKey);
        // The same key as a plain note signer has another key ID: its line is not that key's, and is ignored.
        NoteKey wrongType = new NoteKey("example.com/w1", NoteKey.ED25519, witness.publicKey());
        assertThatThrownBy(() -> note.verify(List.of(wrongType))).isInstanceOf(ProofException.class);
    }
}
