package dev.custodyledger.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 7807 problem details with a stable machine-readable {@code code}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String eventId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String detail) {
        return new Problem(
                "https://custody-ledger.dev/problems/" + code.toLowerCase().replace('_', '-'),
                title(status),
                status,
                detail,
                code,
                null);
    }

    public Problem withEventId(String id) {
        return new Problem(type, title, status, detail, code, id);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
