package dev.custodyledger.core.verdict;

/** Why a verdict was reached; each reason names the verdict it calls for, or none when it only informs. */
public enum Reason {
    NOT_COMMISSIONED(Verdict.UNKNOWN, "No product was ever registered under this code: it is likely counterfeit."),
    LOT_RECALLED(Verdict.RECALLED, "The product's lot has been recalled."),
    UNIT_RECALLED(Verdict.RECALLED, "This item has been recalled."),
    LABEL_SIGNATURE_INVALID(
            Verdict.SUSPECT, "The code's signature does not match any label key of the brand: the label is forged."),
    LOT_MISMATCH(Verdict.SUSPECT, "The lot printed on the label differs from the lot registered for this item."),
    EXPIRY_MISMATCH(Verdict.SUSPECT, "The expiry printed on the label differs from the one registered for this item."),
    SOLD_ITEM_AT_TILL(Verdict.SUSPECT, "This item was already sold, yet it is being scanned at a till again."),
    SCANNED_ON_TOO_MANY_DEVICES(
            Verdict.SUSPECT, "This code was scanned by more distinct devices than one item can be: likely copied."),
    SCANNED_IN_TOO_MANY_PLACES(
            Verdict.SUSPECT, "This code was scanned in more distinct places than one item can be: likely copied."),
    REPORTED_STOLEN(Verdict.INACTIVE, "This item was reported stolen."),
    DESTROYED(Verdict.INACTIVE, "This item was reported destroyed."),
    EXPIRED(Verdict.INACTIVE, "This item was taken out of the supply chain as expired."),
    SOLD(Verdict.SOLD, "This item was sold to a consumer."),
    IN_SUPPLY_CHAIN(Verdict.GENUINE, "This item is registered and in the supply chain."),
    IN_TRANSIT(null, "The item is on its way between two parties."),
    SCANNED_FAR_FROM_CUSTODY(null, "This scan happened far from where the ledger places the item."),
    LABEL_SIGNATURE_VALID(null, "The label's signature matches the brand's label key."),
    LABEL_NOT_SIGNED(null, "The code carries no label signature; only the ledger vouches for it."),
    CONTAINER(null, "This code identifies a shipping container, not a consumer item."),
    LEDGER_UNAVAILABLE(
            Verdict.UNAVAILABLE,
            "The ledger cannot be consulted right now. This says nothing about the product: try again.");

    private final Verdict calls;
    private final String meaning;

    Reason(Verdict calls, String meaning) {
        this.calls = calls;
        this.meaning = meaning;
    }

    /** The verdict this reason calls for; null when it only informs. */
    public Verdict calls() {
        return calls;
    }

    /** One sentence for people. */
    public String meaning() {
        return meaning;
    }
}
