package dev.custodyledger.core.testing;

import dev.custodyledger.core.gs1.CheckDigit;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Serial;
import dev.custodyledger.core.gs1.Sscc;

/** Valid GS1 codes built from a company prefix, for tests and demos. */
public final class Gs1Fixtures {
    private Gs1Fixtures() {}

    /** A GTIN-14 with indicator 0: prefix + item reference, padded to 13 digits, + check digit. */
    public static Gtin gtin(String companyPrefix, int itemReference) {
        String body = "0" + companyPrefix;
        body = body + String.format("%0" + (13 - body.length()) + "d", itemReference);
        return new Gtin(body + CheckDigit.compute(body));
    }

    public static ItemCode item(Gtin gtin, String serial) {
        return new ItemCode(gtin, new Serial(serial));
    }

    /** An SSCC with extension digit 0: prefix + serial reference, padded to 17 digits, + check digit. */
    public static ContainerCode container(String companyPrefix, long serialReference) {
        String body = "0" + companyPrefix;
        body = body + String.format("%0" + (17 - body.length()) + "d", serialReference);
        return new ContainerCode(new Sscc(body + CheckDigit.compute(body)));
    }
}
