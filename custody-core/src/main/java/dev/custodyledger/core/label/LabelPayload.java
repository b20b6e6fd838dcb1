package dev.custodyledger.core.label;

import dev.custodyledger.core.crypto.Ed25519PrivateKey;
import dev.custodyledger.core.gs1.DigitalLink;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.Yymmdd;
import java.util.Objects;

/**
 * What a label prints: the GS1 Digital Link URI with lot and expiry, and the brand's label signature as
 * {@code s=}. Scan-service and the CLI read it back with {@link dev.custodyledger.core.gs1.ScannedCode#parse}.
 */
public record LabelPayload(ItemCode item, Lot lot, Yymmdd expiry, String signature) {
    public LabelPayload {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(signature, "signature");
    }

    public static LabelPayload sign(Ed25519PrivateKey labelKey, ItemCode item, Lot lot, Yymmdd expiry) {
        return new LabelPayload(item, lot, expiry, LabelSignature.sign(labelKey, item, lot, expiry));
    }

    /** {@code {resolver}/01/{gtin}/10/{lot}/21/{serial}?17=YYMMDD&s=…}; the resolver is not signed. */
    public String uri(String resolverBase) {
        return DigitalLink.format(resolverBase, item, lot, expiry) + "&" + DigitalLink.SIGNATURE_PARAM + "="
                + signature;
    }

    /** The GS1 element string of what is printed beside the code, e.g. {@code (01)…(17)…(10)…(21)…}. */
    public String humanReadable() {
        return "(01)" + item.gtin().value() + " (17)" + expiry.value() + " (10)" + lot.value() + " (21)"
                + item.serial().value();
    }
}
