package dev.custodyledger.label.batch;

/** A batch's life: serials drawn, then the units put on the ledger chunk by chunk. */
public enum BatchStatus {
    /** Serials are being drawn and stored; labels cannot be rendered yet. */
    ALLOCATING,
    /** Every label exists; it can be rendered and commissioned. */
    ALLOCATED,
    COMMISSIONING,
    /** Every unit is on the ledger. */
    COMMISSIONED,
    /** Some chunk was refused or could not be delivered; {@code failure} and the chunks say why. Retryable. */
    FAILED
}
