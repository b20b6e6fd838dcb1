package dev.custodyledger.label.commission;

/**
 * What became of one chunk's event at the ledger: accepted at a seq, refused with the ledger's code, or not
 * delivered (the ledger could not be reached or did not answer in time), which is retried and never re-planned.
 */
record Delivery(Kind kind, Long seq, String code, String detail) {
    enum Kind {
        ACCEPTED,
        REFUSED,
        UNDELIVERED
    }

    static final String UNDELIVERED_CODE = "UNDELIVERED";

    static Delivery accepted(long seq) {
        return new Delivery(Kind.ACCEPTED, seq, null, null);
    }

    static Delivery refused(String code, String detail) {
        return new Delivery(Kind.REFUSED, null, code, detail);
    }

    static Delivery undelivered(String detail) {
        return new Delivery(Kind.UNDELIVERED, null, UNDELIVERED_CODE, detail);
    }
}
