package dev.custodyledger.core.gs1;

/** What is wrong with a GS1 code; stable names that APIs expose as reason codes. */
public enum Gs1Error {
    EMPTY,
    SYNTAX,
    LENGTH,
    CHARACTER_SET,
    CHECK_DIGIT,
    DATE,
    UNSUPPORTED_AI,
    DUPLICATE_AI,
    KEY_ORDER,
    NOT_SERIALISED,
    TOO_LONG
}
