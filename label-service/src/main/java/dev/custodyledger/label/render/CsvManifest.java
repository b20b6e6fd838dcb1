package dev.custodyledger.label.render;

import dev.custodyledger.core.label.LabelPayload;

/** The manifest a printing line reads (RFC 4180): one row per label with everything printed on it. */
final class CsvManifest {
    static final String HEADER = "index,gtin,lot,expiry,serial,element_string,payload\r\n";

    private CsvManifest() {}

    static String row(int index, LabelPayload label, String uri) {
        return index + "," + label.item().gtin().value() + ","
                + field(label.lot().value()) + ","
                + label.expiry().value() + "," + label.item().serial().value() + ","
                + field(label.humanReadable()) + "," + field(uri) + "\r\n";
    }

    /** Quoted when it holds a comma, quote or line break (lots may hold any of GS1's 82 characters). */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
