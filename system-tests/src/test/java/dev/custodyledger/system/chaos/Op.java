package dev.custodyledger.system.chaos;

import java.util.List;

/**
 * One request a client made through the front and what it heard, with its times (ms since the epoch). {@code
 * status} is 0 when no answer came (refused connection, timeout). For a submission, {@code answer} is the
 * outcome ({@code ACCEPTED}, {@code PENDING}) or the problem's code, {@code seq} its seq and {@code disposition}
 * the problem's; for a verify, {@code answer} is the verdict, {@code seq} the answer's {@code ledgerSeq}, with the
 * holder, whether it is in transit and the reasons' codes. {@code seq} is -1 where the answer named none.
 */
record Op(
        int client,
        Kind kind,
        String type,
        long start,
        long end,
        int status,
        String eventId,
        String unit,
        String answer,
        long seq,
        String disposition,
        String holder,
        boolean inTransit,
        List<String> reasons) {

    enum Kind {
        SUBMIT,
        RESUBMIT,
        VERIFY,
        SCAN
    }

    boolean submission() {
        return kind == Kind.SUBMIT || kind == Kind.RESUBMIT;
    }

    /** A request the system did not serve: no answer, a 5xx, or a verdict of UNAVAILABLE. */
    boolean failed() {
        return status == 0 || status >= 500 || "UNAVAILABLE".equals(answer);
    }

    @Override
    public String toString() {
        String what = kind == Kind.VERIFY
                ? answer + " seq " + seq + (holder != null ? " held by " + holder : "")
                        + (inTransit ? " in transit" : "") + " " + reasons
                : status + " " + answer + (seq >= 0 ? " seq " + seq : "")
                        + (disposition != null ? " " + disposition : "");
        return String.format(
                "[%d..%d] client %d %s %s%s%s -> %s",
                start,
                end,
                client,
                kind,
                type,
                eventId != null ? " event " + eventId : "",
                unit != null ? " unit " + unit : "",
                what);
    }
}
