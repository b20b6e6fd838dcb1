package dev.custodyledger.core.tlog;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** An entry bundle (C2SP tlog-tiles): entries in order, each prefixed by its length as a big-endian uint16. */
public final class EntryBundle {
    public static final int MAX_ENTRY = 0xFFFF;

    private EntryBundle() {}

    static byte[] requireEntry(byte[] entry) {
        if (entry.length > MAX_ENTRY) {
            throw new IllegalArgumentException("a log entry has at most " + MAX_ENTRY + " bytes");
        }
        return entry;
    }

    public static byte[] join(List<byte[]> entries) {
        var out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            requireEntry(entry);
            out.write(entry.length >>> 8);
            out.write(entry.length & 0xFF);
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }

    /** The entries of a bundle; refuses one that ends inside an entry. */
    public static List<byte[]> split(byte[] bundle) {
        List<byte[]> entries = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new IllegalArgumentException("an entry bundle ends inside a length");
            }
            int length = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            at += 2;
            if (at + length > bundle.length) {
                throw new IllegalArgumentException("an entry bundle ends inside an entry");
            }
            entries.add(java.util.Arrays.copyOfRange(bundle, at, at + length));
            at += length;
        }
        return entries;
    }
}
