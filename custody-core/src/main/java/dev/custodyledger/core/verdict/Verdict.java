package dev.custodyledger.core.verdict;

/**
 * What a scan of a code tells its holder, most severe first. {@code UNAVAILABLE} is the service's answer when
 * it cannot decide (a timeout, a database failure): never shown as counterfeit.
 */
public enum Verdict {
    UNKNOWN,
    RECALLED,
    SUSPECT,
    INACTIVE,
    SOLD,
    GENUINE,
    UNAVAILABLE
}
