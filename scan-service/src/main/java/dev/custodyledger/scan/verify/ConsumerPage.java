package dev.custodyledger.scan.verify;

import dev.custodyledger.core.verdict.Verdict;
import dev.custodyledger.scan.verify.VerifyAnswer.StepView;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Locale;

/** What the consumer page shows: the verdict in words, what to do about it, and the answer's summary. */
@TemplateData
public record ConsumerPage(String tone, String headline, String advice, VerifyAnswer answer, List<Step> journey) {

    /** A journey step in words for the timeline. */
    @TemplateData
    public record Step(String date, String what, String where) {}

    static ConsumerPage of(VerifyAnswer a) {
        List<Step> journey = a.journey() == null
                ? List.of()
                : a.journey().stream().map(ConsumerPage::step).toList();
        return switch (a.verdict()) {
            case GENUINE ->
                new ConsumerPage(
                        "good",
                        "Genuine product",
                        "This code belongs to a registered product that is in the supply chain.",
                        a,
                        journey);
            case SOLD ->
                new ConsumerPage(
                        "good",
                        "Genuine product, sold",
                        "This product was sold to a consumer. If you just bought it, all is well. If it is being offered"
                                + " to you as new, ask the seller.",
                        a,
                        journey);
            case RECALLED ->
                new ConsumerPage(
                        "bad",
                        "Recalled: do not use",
                        "The brand has recalled this product. Stop using it and follow the brand's recall instructions;"
                                + " the shop where you bought it will take it back.",
                        a,
                        journey);
            case SUSPECT ->
                new ConsumerPage(
                        "bad",
                        "Suspicious code",
                        "Something about this code does not match the ledger. Do not use the product; report it to the"
                                + " seller and the brand.",
                        a,
                        journey);
            case INACTIVE ->
                new ConsumerPage(
                        "warn",
                        "Not for sale",
                        "This item was taken out of the supply chain (stolen, destroyed or expired). Do not use it;"
                                + " report where you got it.",
                        a,
                        journey);
            case UNKNOWN ->
                new ConsumerPage(
                        "bad",
                        "Unknown code: likely counterfeit",
                        "No product was ever registered under this code. Do not use the product; report it to the"
                                + " seller and the brand.",
                        a,
                        journey);
            case UNAVAILABLE ->
                new ConsumerPage(
                        "neutral",
                        "Cannot check right now",
                        "The ledger could not be consulted. This says nothing about the product: please try again in a"
                                + " moment.",
                        a,
                        journey);
        };
    }

    private static Step step(StepView s) {
        String what = switch (s.step()) {
            case "COMMISSIONED" -> "Made and registered by " + s.party();
            case "PACKED" -> "Packed for shipping by " + s.party();
            case "UNPACKED" -> "Unpacked by " + s.party();
            case "SHIPPED" -> "Shipped by " + s.party() + " to " + s.to();
            case "RECEIVED" -> "Received by " + s.party();
            case "REFUSED" -> "Refused by " + s.party();
            case "SOLD" -> "Sold by " + s.party();
            case "RECALLED" -> "Recalled by " + s.party();
            default -> s.step().replace("REPORTED_", "Reported ").toLowerCase(Locale.ROOT) + " by " + s.party();
        };
        String where = s.city() == null ? "" : s.country() == null ? s.city() : s.city() + ", " + s.country();
        return new Step(s.date().toString(), what, where);
    }

    public boolean unavailable() {
        return answer.verdict() == Verdict.UNAVAILABLE;
    }
}
