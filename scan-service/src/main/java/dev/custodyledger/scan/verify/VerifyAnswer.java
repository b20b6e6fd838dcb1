package dev.custodyledger.scan.verify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.custodyledger.core.verdict.LabelCheck;
import dev.custodyledger.core.verdict.Reason;
import dev.custodyledger.core.verdict.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The public answer to a verify: the verdict with its reasons, the product and a journey summary (dates,
 * cities, party display names; no internal detail), the label check and the ledger seq it is based on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonSerialize(using = VerifyAnswerWriter.class)
public record VerifyAnswer(
        String code,
        Verdict verdict,
        List<ReasonView> reasons,
        ProductView product,
        HolderView heldBy,
        List<StepView> journey,
        LabelCheck label,
        Long ledgerSeq) {

    public record ReasonView(Reason code, String message) {
        static List<ReasonView> of(List<Reason> reasons) {
            return reasons.stream().map(r -> new ReasonView(r, r.meaning())).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProductView(
            String name,
            String brandOwner,
            String gtin,
            String lot,
            LocalDate expiry,
            Map<String, String> attributes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HolderView(String name, String city, String country, boolean inTransit) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StepView(
            LocalDate date, String step, String party, String to, String city, String country, boolean inContainer) {}
}
