package dev.custodyledger.core.tlog;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyFormatException;
import dev.custodyledger.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A key that signs notes (C2SP signed-note): its name, its signature type (0x01 an Ed25519 note signature, a log's;
 * 0x04 a timestamped Ed25519 cosignature, a witness's) and its public key; the key ID is derived from all three.
 * Written as a verifier key, {@code <name>+<hex key ID>+<base64(type || public key)>}.
 */
public record NoteKey(String name, int type, Ed25519PublicKey publicKey) {
    public static final int ED25519 = 0x01;
    public static final int COSIGNATURE = 0x04;

    public NoteKey {
        requireName(name);
        if (type != ED25519 && type != COSIGNATURE) {
            throw new KeyFormatException("a note key is of type 0x01 (Ed25519) or 0x04 (Ed25519 cosignature)");
        }
    }

    /** SHA-256(name || 0x0A || type || public key)[:4], big-endian. */
    public int keyId() {
        var digest = Sha256.newDigest();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x0A);
        digest.update((byte) type);
        digest.update(publicKey.encoded());
        return ByteBuffer.wrap(digest.digest()).getInt();
    }

    public String vkey() {
        byte[] material = new byte[1 + Ed25519PublicKey.LENGTH];
        material[0] = (byte) type;
        System.arraycopy(publicKey.encoded(), 0, material, 1, Ed25519PublicKey.LENGTH);
        return name + "+"
                + HexFormat.of()
                        .formatHex(ByteBuffer.allocate(4).putInt(keyId()).array()) + "+"
                + Base64.getEncoder().encodeToString(material);
    }

    /** Parses a verifier key; refuses an unknown type, a key of the wrong length and a key ID that does not match. */
    public static NoteKey parse(String vkey) {
        String[] parts = vkey.strip().split("\\+", 3);
        if (parts.length != 3) {
            throw new KeyFormatException("a verifier key is <name>+<key ID>+<key>");
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("a verifier key's key is base64");
        }
        if (material.length != 1 + Ed25519PublicKey.LENGTH) {
            throw new KeyFormatException("a verifier key holds a type byte and a 32-byte Ed25519 key");
        }
        var key = new NoteKey(
                parts[0],
                material[0] & 0xFF,
                Ed25519PublicKey.of(java.util.Arrays.copyOfRange(material, 1, material.length)));
        if (!parts[1].matches("[0-9a-f]{8}") || Integer.parseUnsignedInt(parts[1], 16) != key.keyId()) {
            throw new KeyFormatException("the verifier key's key ID does not match its name and key");
        }
        return key;
    }

    static void requireName(String name) {
        if (name == null
                || name.isEmpty()
                || name.contains("+")
                || name.codePoints().anyMatch(Character::isWhitespace)) {
            throw new KeyFormatException("a key name is not empty and has no space or '+'");
        }
    }
}
