package dev.custodyledger.core.tlog;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A witness's timestamped Ed25519 cosignature (C2SP tlog-cosignature, type 0x04): eight bytes of POSIX time, then
 * the signature over {@code cosignature/v1\ntime <t>\n} followed by the checkpoint's text.
 */
public final class Cosignature {
    private Cosignature() {}

    /** {@code key} cosigns {@code checkpointText} at {@code timestamp} (seconds): the signature line's bytes. */
    public static SignedNote.Signature sign(
            String keyName, Ed25519PrivateKey key, String checkpointText, long timestamp) {
        var noteKey = new NoteKey(keyName, NoteKey.COSIGNATURE, key.publicKey());
        byte[] signature = key.sign(message(checkpointText, timestamp));
        byte[] bytes = ByteBuffer.allocate(8 + signature.length)
                .putLong(timestamp)
                .put(signature)
                .array();
        return new SignedNote.Signature(keyName, noteKey.keyId(), bytes);
    }

    /** The time (seconds) a cosignature's bytes carry. */
    public static long timestamp(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    static void verify(NoteKey key, String checkpointText, byte[] bytes) throws SignatureInvalidException {
        if (bytes.length != 8 + 64) {
            throw new SignatureInvalidException("a cosignature is a timestamp and an Ed25519 signature");
        }
        long timestamp = timestamp(bytes);
        if (timestamp < 0) {
            throw new SignatureInvalidException("a cosignature's time is at most 2^63 - 1");
        }
        key.publicKey()
                .verify(message(checkpointText, timestamp), java.util.Arrays.copyOfRange(bytes, 8, bytes.length));
    }

    private static byte[] message(String checkpointText, long timestamp) {
        return ("cosignature/v1\ntime " + timestamp + "\n" + checkpointText).getBytes(StandardCharsets.UTF_8);
    }
}
