package dev.custodyledger.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details with a stable machine-readable {@code code} from {@link ProblemCode}. For a signed
 * event, {@code eventId} names it and {@code disposition} says what became of it: {@code refused} (turned away
 * at intake, not in the ledger) or {@code rejected} (appended, then rejected by the fold; in the ledger at
 * {@code seq} as signed evidence).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        ProblemCode code,
        String eventId,
        Disposition disposition,
        Long seq) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** What became of a signed event that was not accepted. */
    public enum Disposition {
        refused,
        rejected
    }

    public static Problem of(ProblemCode code, String detail) {
        return new Problem(
                "https://custody-ledger.dev/problems/"
                        + code.name().toLowerCase().replace('_', '-'),
                title(code.status()),
                code.status(),
                detail,
                code,
                null,
                null,
                null);
    }

    /** This problem about a signed event whose fate is not decided (the service could not take it now). */
    public Problem about(String id) {
        return new Problem(type, title, status, detail, code, id, null, null);
    }

    /** This problem about a signed event that intake turned away; nothing was appended. */
    public Problem refused(String id) {
        return new Problem(type, title, status, detail, code, id, Disposition.refused, null);
    }

    /** This problem about a signed event the fold rejected; it is in the ledger at {@code at}. */
    public Problem rejected(String id, long at) {
        return new Problem(type, title, status, detail, code, id, Disposition.rejected, at);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }
}
