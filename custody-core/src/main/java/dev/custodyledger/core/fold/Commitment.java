package dev.custodyledger.core.fold;

import dev.custodyledger.core.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The state commitment (ADR 27): a hash chain with one link per record, over the record's outcome and the
 * canonical bytes ({@link EntryCodec}) of every entry it changed, in the order the rules changed them. Two folds
 * with the same commitment at a seq decided every record alike and hold the same state; it costs what a record
 * changed, not what exists. The bytes of each link are documented in {@code docs/protocol.md}.
 */
final class Commitment {
    private static final byte[] GENESIS = "custody-ledger/state/v1/genesis".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RECORD = "custody-ledger/state/v1/record".getBytes(StandardCharsets.US_ASCII);

    /** A changed entry: its kind's tag and its canonical bytes. */
    record Entry(byte tag, byte[] bytes) {
        static final byte UNIT = 'U';
        static final byte LOT = 'L';
        static final byte PARTY = 'P';
        static final byte KEY = 'K';
    }

    private final MessageDigest sha = Sha256.newDigest();

    /** Before the first record: the operator's party and trust-anchor key. */
    byte[] genesis(PartyState operator, KeyState anchorKey) {
        sha.update(GENESIS);
        entry(new Entry(Entry.PARTY, EntryCodec.party(operator)));
        entry(new Entry(Entry.KEY, EntryCodec.key(anchorKey)));
        return sha.digest();
    }

    /** The link after {@code previous} for the record decided as {@code o}, which changed {@code changed}. */
    byte[] next(byte[] previous, Outcome o, List<Entry> changed) {
        sha.update(RECORD);
        sha.update(previous);
        var numbers = ByteBuffer.allocate(28)
                .putLong(o.seq())
                .putLong(o.offset())
                .putLong(
                        o.recordTime() == null ? Long.MIN_VALUE : o.recordTime().toEpochMilli())
                .putInt(changed.size());
        sha.update(numbers.array());
        sha.update(o.eventId() == null ? new byte[32] : o.eventId().hash());
        byte[] code = (o.code() == null ? "ACCEPTED" : o.code().name()).getBytes(StandardCharsets.US_ASCII);
        sha.update((byte) code.length);
        sha.update(code);
        for (Entry e : changed) {
            entry(e);
        }
        return sha.digest();
    }

    private void entry(Entry e) {
        sha.update(e.tag());
        sha.update(ByteBuffer.allocate(4).putInt(e.bytes().length).array());
        sha.update(e.bytes());
    }
}
