package dev.custodyledger.core.verdict;

import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.SignatureInvalidException;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.ScannedCode;
import dev.custodyledger.core.label.LabelSignature;
import java.util.Collection;

/** What the label signature in a scanned code says. */
public enum LabelCheck {
    /** The code carries no signature (e.g. a plain GS1 element string). */
    NOT_SIGNED,
    VALID,
    INVALID;

    /**
     * Checks the code's signature against the label keys of the brand that owns the GTIN. A signature on a code
     * without lot and expiry cannot be one of ours, and with no label key nothing could have signed it.
     */
    public static LabelCheck of(ScannedCode code, Collection<Ed25519PublicKey> labelKeys) {
        if (code.labelSignature() == null) {
            return NOT_SIGNED;
        }
        if (!(code.unit() instanceof ItemCode item) || code.lot() == null || code.expiry() == null) {
            return INVALID;
        }
        for (Ed25519PublicKey key : labelKeys) {
            try {
                LabelSignature.verify(key, item, code.lot(), code.expiry(), code.labelSignature());
                return VALID;
            } catch (SignatureInvalidException e) {
                // try the brand's next label key (keys rotate; old labels stay valid)
            }
        }
        return INVALID;
    }
}
