package dev.custodyledger.core.verdict;

import java.util.List;

/** A verdict and every reason behind it, in the order of the severity they call for. */
public record Verification(Verdict verdict, List<Reason> reasons) {
    public Verification {
        reasons = List.copyOf(reasons);
    }
}
