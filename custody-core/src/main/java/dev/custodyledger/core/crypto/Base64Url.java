package dev.custodyledger.core.crypto;

import java.util.Base64;

/** Unpadded base64url (RFC 4648 §5), decoded strictly: only the canonical encoding of a value is accepted. */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** Decodes, refusing padding, other alphabets and non-zero trailing bits (so one value has one text). */
    public static byte[] decode(String text) {
        if (text == null || text.indexOf('=') >= 0) {
            throw new IllegalArgumentException("not unpadded base64url");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not unpadded base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not the canonical base64url encoding");
        }
        return bytes;
    }
}
