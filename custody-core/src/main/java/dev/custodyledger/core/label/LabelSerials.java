package dev.custodyledger.core.label;

import dev.custodyledger.core.gs1.Serial;
import java.util.Random;

/**
 * Unguessable serials: {@value #LENGTH} Crockford base-32 characters (60 bits) drawn from a CSPRNG the caller
 * passes in. Crockford's alphabet has no I, L, O or U, so a serial read aloud or retyped is not misread, and
 * every character is in GS1 CSET 82.
 */
public final class LabelSerials {
    public static final int LENGTH = 12;
    public static final int BITS = LENGTH * 5;
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private LabelSerials() {}

    /** A fresh serial; {@code random} must be a {@link java.security.SecureRandom} outside tests. */
    public static Serial next(Random random) {
        long bits = random.nextLong();
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = CROCKFORD[(int) (bits & 31)];
            bits >>>= 5;
        }
        return new Serial(new String(out));
    }

    /**
     * The chance that one guess of a serial for a GTIN hits a real one, when {@code issued} serials exist for it:
     * issued / 2^60. For a million labels about 8.7e-13, far below EU Reg. 2016/161 Art 4(c)'s 1/10,000.
     */
    public static double guessProbability(long issued) {
        return issued / Math.pow(2, BITS);
    }
}
