package dev.custodyledger.core.tlog;

import dev.custodyledger.core.crypto.Sha256;
import dev.custodyledger.core.event.EventId;
import dev.custodyledger.core.event.EventType;
import dev.custodyledger.core.fold.Outcome;
import dev.custodyledger.core.fold.RejectionCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The log's entry for one ledger record: small and fixed whatever the event's size, and enough to find the record
 * and to know what the fold decided. Leaf {@code seq - 1} of the tree. Its bytes, all integers big-endian:
 *
 * <pre>
 *  0      1  version, 1
 *  1      1  kind: 0 a signed event (digest: its event id), 1 a record that did not decode (digest: SHA-256 of its bytes)
 *  2      8  seq, from 1
 * 10      8  record time, milliseconds since the epoch (the log's append time)
 * 18     32  digest
 * 50      1  length t of the event type, 0 for kind 1
 * 51      t  event type, ASCII (COMMISSION, HANDOFF …)
 * 51+t    1  length c of the outcome, 0 when accepted
 * 52+t    c  rejection code, ASCII (BAD_SIGNATURE, NOT_CUSTODIAN …)
 * </pre>
 *
 * Nothing follows; an entry with any other length, version or kind is not a leaf.
 */
public record LogLeaf(
        long seq, Instant recordTime, boolean decoded, byte[] digest, EventType type, RejectionCode code) {
    private static final int VERSION = 1;
    private static final int FIXED = 50;

    public LogLeaf {
        if (seq < 1) {
            throw new IllegalArgumentException("a leaf's seq starts at 1");
        }
        if (digest.length != 32) {
            throw new IllegalArgumentException("a leaf's digest has 32 bytes");
        }
        if (decoded != (type != null)) {
            throw new IllegalArgumentException("a decoded record has an event type, a malformed one none");
        }
        digest = digest.clone();
    }

    /** The leaf of a record the whole-ledger fold decided; {@code value} is the record's bytes on the log. */
    public static LogLeaf of(Outcome outcome, byte[] value) {
        EventId id = outcome.eventId();
        return new LogLeaf(
                outcome.seq(),
                outcome.recordTime(),
                id != null,
                id != null ? id.hash() : Sha256.hash(value),
                outcome.type(),
                outcome.code());
    }

    public long index() {
        return seq - 1;
    }

    public byte[] encode() {
        byte[] type = this.type == null ? new byte[0] : this.type.name().getBytes(StandardCharsets.US_ASCII);
        byte[] code = this.code == null ? new byte[0] : this.code.name().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(FIXED + 1 + type.length + 1 + code.length);
        out.put((byte) VERSION).put((byte) (decoded ? 0 : 1)).putLong(seq).putLong(recordTime.toEpochMilli());
        out.put(digest)
                .put((byte) type.length)
                .put(type)
                .put((byte) code.length)
                .put(code);
        return out.array();
    }

    /** @throws IllegalArgumentException when {@code entry} is not a leaf as {@link #encode} writes one */
    public static LogLeaf decode(byte[] entry) {
        ByteBuffer in = ByteBuffer.wrap(entry);
        try {
            if (in.get() != VERSION) {
                throw new IllegalArgumentException("not a version 1 leaf");
            }
            int kind = in.get();
            if (kind != 0 && kind != 1) {
                throw new IllegalArgumentException("a leaf's kind is 0 or 1");
            }
            long seq = in.getLong();
            Instant time = Instant.ofEpochMilli(in.getLong());
            byte[] digest = new byte[32];
            in.get(digest);
            String type = ascii(in);
            String code = ascii(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("bytes follow the leaf");
            }
            return new LogLeaf(
                    seq,
                    time,
                    kind == 0,
                    digest,
                    type.isEmpty() ? null : EventType.valueOf(type),
                    code.isEmpty() ? null : RejectionCode.valueOf(code));
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("the leaf ends early");
        }
    }

    private static String ascii(ByteBuffer in) {
        byte[] text = new byte[in.get() & 0xFF];
        in.get(text);
        return new String(text, StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogLeaf l
                && seq == l.seq
                && recordTime.equals(l.recordTime)
                && decoded == l.decoded
                && Arrays.equals(digest, l.digest)
                && type == l.type
                && code == l.code;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
        return "LogLeaf[seq=" + seq + ", type=" + type + ", code=" + code + "]";
    }
}
