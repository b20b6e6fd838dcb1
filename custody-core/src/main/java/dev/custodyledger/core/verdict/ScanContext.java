package dev.custodyledger.core.verdict;

/** Who scanned: a consumer's phone, a retailer's till, an inspector. */
public enum ScanContext {
    CONSUMER,
    TILL,
    INSPECTION
}
