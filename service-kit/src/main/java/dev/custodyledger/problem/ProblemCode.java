package dev.custodyledger.problem;

import dev.custodyledger.core.fold.RejectionCode;
import dev.custodyledger.core.gs1.Gs1Error;

/**
 * The one vocabulary of problem codes every service answers with, each with the one HTTP status it always
 * has. The same condition gets the same code and status whichever service meets it. {@code docs/api.md} lists
 * them; a test holds that table to this enum.
 */
public enum ProblemCode {
    // The request as bytes and HTTP.
    MALFORMED(400, "the body or a parameter is not what this endpoint takes"),
    TOO_LARGE(413, "the body, or the number of items in it, is over this endpoint's bound"),
    UNSUPPORTED_MEDIA_TYPE(415, "the body's media type is not one this endpoint takes"),
    NOT_ACCEPTABLE(406, "none of the accepted media types can be produced"),
    METHOD_NOT_ALLOWED(405, "the path does not take this method"),
    NOT_FOUND(404, "no such resource (or none the caller may see)"),
    RATE_LIMITED(429, "too many requests from this client; retry after Retry-After seconds"),

    // Who is asking.
    UNAUTHENTICATED(401, "no party credential, or one that does not verify or has expired"),
    CREDENTIAL_REVOKED(403, "the credential's party is not registered or is suspended"),
    NOT_INVOLVED(403, "the caller has neither held nor been named for the unit"),

    // The service's own state.
    CATCHING_UP(503, "the service is folding the ledger up to its head; retry in a moment"),
    UNAVAILABLE(503, "a part this service depends on (the broker, the database) does not answer; retry later"),
    INTERNAL(500, "the service failed; the failure is logged"),

    // Signed events, refused at intake or rejected by the fold (RejectionCode).
    DUPLICATE(409, "the same event (the same eventId) is in the ledger already"),
    CLOCK_SKEW(400, "eventTime is too far from the time the ledger received the event"),
    UNKNOWN_PARTY(403, "the signer, or a party the event names, is not registered"),
    PARTY_SUSPENDED(403, "the signer is suspended"),
    UNKNOWN_KEY(403, "keyId is not a key of the actor"),
    KEY_REVOKED(403, "the key was revoked before this event"),
    BAD_SIGNATURE(403, "the signature does not verify over the event's canonical bytes"),
    WRONG_KEY_PURPOSE(403, "the key's purpose does not allow this event type"),
    ROLE_NOT_ALLOWED(403, "the party's roles do not allow this"),
    GTIN_NOT_OWNED(403, "the GTIN is not under one of the party's company prefixes"),
    PARTY_EXISTS(409, "the party is registered already"),
    KEY_EXISTS(409, "the key is registered (or held) already"),
    PREFIX_CONFLICT(409, "a company prefix overlaps one another party owns"),
    ALREADY_COMMISSIONED(409, "the unit exists already"),
    UNKNOWN_UNIT(409, "a unit the event names was never commissioned or packed"),
    UNKNOWN_LOT(409, "no unit of the lot was ever commissioned"),
    NOT_CUSTODIAN(409, "the signer is not the unit's current custodian"),
    IN_TRANSIT(409, "the unit is on its way to another party"),
    INSIDE_CONTAINER(409, "the unit is packed in a container; act on the container"),
    NOT_IN_CONTAINER(409, "the unit is not in the container the event names"),
    INACTIVE_UNIT(409, "the unit is sold, stolen, destroyed or expired"),
    RECALLED_UNIT(409, "the unit's lot is recalled"),
    ALREADY_RECALLED(409, "the lot is recalled already"),
    NOT_RECEIVER(409, "the signer is not the party the handoff names"),
    HANDOFF_NOT_PENDING(409, "no handoff of the unit is waiting to be received"),

    // Scanned codes (Gs1Error).
    BAD_CODE_EMPTY(400, "the scanned code is empty"),
    BAD_CODE_SYNTAX(400, "the scanned code is neither a Digital Link nor a GS1 element string"),
    BAD_CODE_LENGTH(400, "a GS1 element has the wrong length"),
    BAD_CODE_CHARACTER_SET(400, "a GS1 element has a character outside its set"),
    BAD_CODE_CHECK_DIGIT(400, "a GTIN's or SSCC's check digit is wrong"),
    BAD_CODE_DATE(400, "a date element is not a date"),
    BAD_CODE_UNSUPPORTED_AI(400, "the code carries an application identifier this system does not read"),
    BAD_CODE_DUPLICATE_AI(400, "an application identifier appears twice"),
    BAD_CODE_KEY_ORDER(400, "the Digital Link's elements are out of their fixed order"),
    BAD_CODE_NOT_SERIALISED(400, "the code names a product, not one serialised unit"),
    BAD_CODE_TOO_LONG(400, "the code is longer than any GS1 code"),

    // Service-specific conditions.
    BAD_PAGE(400, "limit or after is out of range"),
    BAD_STATUS(400, "the alert status change is not allowed"),
    BAD_SCAN(400, "the scan record is not one this endpoint takes"),
    KEY_FORMAT(400, "the key is not an Ed25519 key in a form this endpoint reads"),
    NOT_ALLOCATED(409, "the label batch is still drawing serials"),
    LABEL_KEY_NOT_REGISTERED(409, "no label key held here is registered on the ledger for the producer"),
    CUSTODY_KEY_NOT_REGISTERED(409, "no custody key held here is registered on the ledger for the producer");

    private final int status;
    private final String meaning;

    ProblemCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    /** What the code means, as the API documentation states it. */
    public String meaning() {
        return meaning;
    }

    /** The problem code of a rejection by intake or the fold. */
    public static ProblemCode of(RejectionCode code) {
        return switch (code) {
            case MALFORMED -> MALFORMED;
            case DUPLICATE -> DUPLICATE;
            case CLOCK_SKEW -> CLOCK_SKEW;
            case UNKNOWN_PARTY -> UNKNOWN_PARTY;
            case PARTY_SUSPENDED -> PARTY_SUSPENDED;
            case UNKNOWN_KEY -> UNKNOWN_KEY;
            case KEY_REVOKED -> KEY_REVOKED;
            case BAD_SIGNATURE -> BAD_SIGNATURE;
            case WRONG_KEY_PURPOSE -> WRONG_KEY_PURPOSE;
            case ROLE_NOT_ALLOWED -> ROLE_NOT_ALLOWED;
            case PARTY_EXISTS -> PARTY_EXISTS;
            case KEY_EXISTS -> KEY_EXISTS;
            case PREFIX_CONFLICT -> PREFIX_CONFLICT;
            case GTIN_NOT_OWNED -> GTIN_NOT_OWNED;
            case ALREADY_COMMISSIONED -> ALREADY_COMMISSIONED;
            case UNKNOWN_UNIT -> UNKNOWN_UNIT;
            case UNKNOWN_LOT -> UNKNOWN_LOT;
            case NOT_CUSTODIAN -> NOT_CUSTODIAN;
            case IN_TRANSIT -> IN_TRANSIT;
            case INSIDE_CONTAINER -> INSIDE_CONTAINER;
            case NOT_IN_CONTAINER -> NOT_IN_CONTAINER;
            case INACTIVE_UNIT -> INACTIVE_UNIT;
            case RECALLED_UNIT -> RECALLED_UNIT;
            case ALREADY_RECALLED -> ALREADY_RECALLED;
            case NOT_RECEIVER -> NOT_RECEIVER;
            case HANDOFF_NOT_PENDING -> HANDOFF_NOT_PENDING;
        };
    }

    /** The problem code of a scanned code that does not parse. */
    public static ProblemCode of(Gs1Error error) {
        return switch (error) {
            case EMPTY -> BAD_CODE_EMPTY;
            case SYNTAX -> BAD_CODE_SYNTAX;
            case LENGTH -> BAD_CODE_LENGTH;
            case CHARACTER_SET -> BAD_CODE_CHARACTER_SET;
            case CHECK_DIGIT -> BAD_CODE_CHECK_DIGIT;
            case DATE -> BAD_CODE_DATE;
            case UNSUPPORTED_AI -> BAD_CODE_UNSUPPORTED_AI;
            case DUPLICATE_AI -> BAD_CODE_DUPLICATE_AI;
            case KEY_ORDER -> BAD_CODE_KEY_ORDER;
            case NOT_SERIALISED -> BAD_CODE_NOT_SERIALISED;
            case TOO_LONG -> BAD_CODE_TOO_LONG;
        };
    }
}
