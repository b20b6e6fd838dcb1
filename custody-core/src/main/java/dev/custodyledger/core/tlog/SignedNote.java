package dev.custodyledger.core.tlog;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A signed note (C2SP signed-note): a text ending in a newline, a blank line, and signature lines {@code — <name>
 * base64(key ID || signature)}. Verification is a checklist ({@link #verify}): signatures by keys the verifier does
 * not trust are ignored, one by a trusted key that fails rejects the note, and at least one must verify.
 */
public final class SignedNote {
    /** Notes larger than this are refused before they are read: 16 cosignatures and a checkpoint fit easily. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final String DASH = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    /** One signature line: the key's name and ID, and the signature bytes after the ID. */
    public record Signature(String keyName, int keyId, byte[] bytes) {
        public Signature {
            NoteKey.requireName(keyName);
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        public String line() {
            byte[] all = ByteBuffer.allocate(4 + bytes.length)
                    .putInt(keyId)
                    .put(bytes)
                    .array();
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(all) + "\n";
        }

        public boolean by(NoteKey key) {
            return keyName.equals(key.name()) && keyId == key.keyId();
        }
    }

    private final String text;
    private final List<Signature> signatures;

    private SignedNote(String text, List<Signature> signatures) {
        this.text = text;
        this.signatures = List.copyOf(signatures);
    }

    /** The text signed by {@code key} (type 0x01): a log's signature on its checkpoint. */
    public static SignedNote sign(String text, String keyName, Ed25519PrivateKey key) {
        requireText(text);
        var noteKey = new NoteKey(keyName, NoteKey.ED25519, key.publicKey());
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        return new SignedNote(text, List.of(new Signature(keyName, noteKey.keyId(), signature)));
    }

    /** The note with {@code more} signature lines after its own, leaving out any it already has. */
    public SignedNote with(List<Signature> more) {
        List<Signature> all = new ArrayList<>(signatures);
        for (Signature s : more) {
            if (all.stream().noneMatch(o -> o.keyName().equals(s.keyName()) && o.keyId() == s.keyId())) {
                all.add(s);
            }
        }
        return new SignedNote(text, all);
    }

    public String text() {
        return text;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public String encode() {
        var out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    /**
     * Parses a note; the text is everything up to the last blank line.
     *
     * @throws ProofException naming what is malformed
     */
    public static SignedNote parse(byte[] bytes) throws ProofException {
        if (bytes.length > MAX_BYTES) {
            throw new ProofException("a note has at most " + MAX_BYTES + " bytes");
        }
        String note;
        try {
            note = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProofException("a note is UTF-8");
        }
        if (note.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new ProofException("a note has no control characters but newlines");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new ProofException("a note is a text, a blank line and signature lines, each ending in a newline");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2).split("\n", -1);
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            signatures.add(signature(lines[i]));
        }
        if (signatures.isEmpty()) {
            throw new ProofException("a note has at least one signature");
        }
        if (signatures.size() > MAX_SIGNATURES) {
            throw new ProofException("a note has at most " + MAX_SIGNATURES + " signatures");
        }
        return new SignedNote(text, signatures);
    }

    public static SignedNote parse(String note) throws ProofException {
        return parse(note.getBytes(StandardCharsets.UTF_8));
    }

    private static Signature signature(String line) throws ProofException {
        if (!line.startsWith(DASH)) {
            throw new ProofException("a signature line begins with an em dash and a space");
        }
        String[] parts = line.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[0].contains("+")) {
            throw new ProofException("a signature line is '— <key name> <base64 signature>'");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new ProofException("a note signature is base64");
        }
        if (all.length < 5) {
            throw new ProofException("a note signature holds a key ID and a signature");
        }
        return new Signature(parts[0], ByteBuffer.wrap(all).getInt(), Arrays.copyOfRange(all, 4, all.length));
    }

    /**
     * The keys of {@code trusted} whose signatures on this note verify: a signature by another key is ignored;
     * one by a trusted key that fails rejects the note.
     *
     * @throws ProofException when a trusted key's signature fails, or no trusted key signed
     */
    public List<NoteKey> verify(List<NoteKey> trusted) throws ProofException {
        List<NoteKey> verified = new ArrayList<>();
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (Signature s : signatures) {
            for (NoteKey key : trusted) {
                if (!s.by(key)) {
                    continue;
                }
                try {
                    switch (key.type()) {
                        case NoteKey.ED25519 -> key.publicKey().verify(message, s.bytes());
                        case NoteKey.COSIGNATURE -> Cosignature.verify(key, text, s.bytes());
                        default -> throw new ProofException("no verifier for key type " + key.type());
                    }
                } catch (SignatureInvalidException e) {
                    throw new ProofException("the signature of " + key.name() + " does not verify");
                }
                if (!verified.contains(key)) {
                    verified.add(key);
                }
            }
        }
        if (verified.isEmpty()) {
            throw new ProofException("no trusted key signed the note");
        }
        return verified;
    }

    static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("a note's text ends in a newline and has no other control characters");
        }
    }
}
