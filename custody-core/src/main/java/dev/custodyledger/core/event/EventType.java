package dev.custodyledger.core.event;

/** Every event the ledger knows, with its EPCIS/CBV business step and disposition. */
public enum EventType {
    PARTY_REGISTERED(null, null),
    KEY_ADDED(null, null),
    KEY_REVOKED(null, null),
    PARTY_SUSPENDED(null, null),
    COMMISSION("commissioning", "active"),
    PACK("packing", null),
    UNPACK("unpacking", null),
    HANDOFF("shipping", "in_transit"),
    RECEIVE("receiving", "active"),
    REFUSE("receiving", "active"),
    SELL("retail_selling", "retail_sold"),
    RECALL("recalling", "recalled"),
    REPORT(null, null);

    private final String bizStep;
    private final String disposition;

    EventType(String bizStep, String disposition) {
        this.bizStep = bizStep;
        this.disposition = disposition;
    }

    /** Registry events maintain parties and keys and are signed by an operator key. */
    /** The type a signed event names; an unknown name is refused with the names there are. */
    public static EventType named(String name) {
        for (EventType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown event type; one of " + java.util.Arrays.toString(values()));
    }

    public boolean isRegistry() {
        return ordinal() <= PARTY_SUSPENDED.ordinal();
    }

    /** The CBV business step, for mapping to EPCIS; null for registry events and reports. */
    public String bizStep() {
        return bizStep;
    }

    public String disposition() {
        return disposition;
    }
}
