package dev.custodyledger.core.label;

import dev.custodyledger.core.crypto.Base64Url;
import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.Yymmdd;
import java.nio.charset.StandardCharsets;

/**
 * The compact signature a label carries in its Digital Link ({@code s=}): Ed25519 by the brand's {@code label}
 * key over {@link #signedBytes}, the one definition of what a label signs. The resolver host is not signed, so
 * a label stays valid when the brand moves its resolver. A copied label still verifies: the online check adds
 * custody and clone detection.
 */
public final class LabelSignature {
    /** Versioned so that a later label format can never be confused with this one. */
    private static final String DOMAIN = "custody-label/v1";

    private LabelSignature() {}

    /** The bytes a label signature covers: the domain, GTIN, lot, serial and printed expiry, one per line. */
    public static byte[] signedBytes(ItemCode item, Lot lot, Yymmdd expiry) {
        String text = DOMAIN + "\n01" + item.gtin().value() + "\n10" + lot.value() + "\n21"
                + item.serial().value() + "\n17" + expiry.value();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The base64url signature to print as {@code s=}. */
    public static String sign(Ed25519PrivateKey labelKey, ItemCode item, Lot lot, Yymmdd expiry) {
        return Base64Url.encode(labelKey.sign(signedBytes(item, lot, expiry)));
    }

    /** Throws unless {@code signature} is {@code labelKey}'s signature over this label. */
    public static void verify(Ed25519PublicKey labelKey, ItemCode item, Lot lot, Yymmdd expiry, String signature)
            throws SignatureInvalidException {
        byte[] raw;
        try {
            raw = Base64Url.decode(signature);
        } catch (IllegalArgumentException e) {
            throw new SignatureInvalidException("the label signature is not base64url");
        }
        labelKey.verify(signedBytes(item, lot, expiry), raw);
    }
}
