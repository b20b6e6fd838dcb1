package dev.custodyledger.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.custodyledger.core.crypto.Ed25519PublicKey;
import dev.custodyledger.core.crypto.KeyId;
import dev.custodyledger.core.event.CustodyEvent.Commission;
import dev.custodyledger.core.event.CustodyEvent.Handoff;
import dev.custodyledger.core.event.CustodyEvent.KeyAdded;
import dev.custodyledger.core.event.CustodyEvent.KeyRevoked;
import dev.custodyledger.core.event.CustodyEvent.Pack;
import dev.custodyledger.core.event.CustodyEvent.PartyRegistered;
import dev.custodyledger.core.event.CustodyEvent.PartySuspended;
import dev.custodyledger.core.event.CustodyEvent.Recall;
import dev.custodyledger.core.event.CustodyEvent.Receive;
import dev.custodyledger.core.event.CustodyEvent.Refuse;
import dev.custodyledger.core.event.CustodyEvent.Report;
import dev.custodyledger.core.event.CustodyEvent.Sell;
import dev.custodyledger.core.event.CustodyEvent.Unpack;
import dev.custodyledger.core.gs1.CompanyPrefix;
import dev.custodyledger.core.gs1.ContainerCode;
import dev.custodyledger.core.gs1.Gln;
import dev.custodyledger.core.gs1.Gtin;
import dev.custodyledger.core.gs1.ItemCode;
import dev.custodyledger.core.gs1.Lot;
import dev.custodyledger.core.gs1.UnitCode;
import dev.custodyledger.core.party.KeyPurpose;
import dev.custodyledger.core.party.PartyId;
import dev.custodyledger.core.party.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The JSON form of events: strict decoding (unknown, missing, mistyped or oversize fields are refused) and encoding. */
public final class EventJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern EVENT_TIME_TEXT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int CODE = UnitCode.MAX_LENGTH;
    private static final int REASON = 500;

    private EventJson() {}

    public static String formatTime(Instant time) {
        return EVENT_TIME.format(time);
    }

    // ---- decoding

    public static CustodyEvent decode(JsonNode node) {
        var f = new JsonFields(node, "event");
        int version = f.integer("v");
        if (version != EventHeader.VERSION) {
            throw new MalformedEventException("unsupported event version " + version);
        }
        EventType type = f.parse("type", 32, EventType::named);
        var header = new EventHeader(
                type,
                f.parse("eventTime", 24, EventJson::parseTime),
                f.parse("actor", 63, PartyId::new),
                f.parse("keyId", 48, KeyId::new),
                f.parse("nonce", 64, EventJson::nonce),
                location(f.optObject("location")));
        CustodyEvent event;
        try {
            event = switch (type) {
                case PARTY_REGISTERED -> new PartyRegistered(header, profile(f.object("party")));
                case KEY_ADDED ->
                    new KeyAdded(
                            header,
                            f.parse("party", 63, PartyId::new),
                            f.parse("publicKey", 64, Ed25519PublicKey::ofBase64Url),
                            f.parse("purpose", 16, KeyPurpose::fromWire));
                case KEY_REVOKED ->
                    new KeyRevoked(
                            header,
                            f.parse("party", 63, PartyId::new),
                            f.parse("revokedKeyId", 48, KeyId::new),
                            reason(f, true));
                case PARTY_SUSPENDED -> new PartySuspended(header, f.parse("party", 63, PartyId::new), reason(f, true));
                case COMMISSION ->
                    new Commission(
                            header,
                            units(f, "units", EventJson::item),
                            f.parse("lot", 20, Lot::new),
                            f.parse("expiry", 10, EventJson::date),
                            product(f.object("product")));
                case PACK ->
                    new Pack(
                            header,
                            f.parse("container", CODE, EventJson::container),
                            units(f, "units", UnitCode::parse));
                case UNPACK ->
                    new Unpack(
                            header,
                            f.parse("container", CODE, EventJson::container),
                            f.list("units", CustodyEvent.MAX_UNITS, CODE, UnitCode::parse, false));
                case HANDOFF ->
                    new Handoff(header, units(f, "units", UnitCode::parse), f.parse("to", 63, PartyId::new));
                case RECEIVE -> new Receive(header, units(f, "units", UnitCode::parse));
                case REFUSE -> new Refuse(header, units(f, "units", UnitCode::parse), reason(f, true));
                case SELL -> new Sell(header, units(f, "units", EventJson::item));
                case RECALL ->
                    new Recall(
                            header,
                            f.optParse("gtin", 14, Gtin::new),
                            f.optParse("lot", 20, Lot::new),
                            f.list("units", CustodyEvent.MAX_UNITS, CODE, EventJson::item, false),
                            reason(f, true));
                case REPORT ->
                    new Report(
                            header,
                            units(f, "units", UnitCode::parse),
                            f.parse("disposition", 16, Disposition::fromWire),
                            reason(f, false));
            };
        } catch (MalformedEventException e) {
            throw e;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(type + ": " + e.getMessage());
        }
        f.requireNoOtherFields();
        return event;
    }

    private static <T extends UnitCode> List<T> units(JsonFields f, String name, Function<String, T> parser) {
        return f.list(name, CustodyEvent.MAX_UNITS, CODE, parser, true);
    }

    private static String reason(JsonFields f, boolean required) {
        String reason = required ? f.string("reason", REASON) : f.optString("reason", REASON);
        try {
            return reason == null ? null : Text.require(reason, "reason", REASON);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(f.where("reason") + ": " + e.getMessage());
        }
    }

    private static Location location(JsonFields f) {
        if (f == null) {
            return null;
        }
        var location = new Location(f.string("city", 80), f.optString("country", 2));
        f.requireNoOtherFields();
        return location;
    }

    private static PartyProfile profile(JsonFields f) {
        var profile = new PartyProfile(
                f.parse("id", 63, PartyId::new),
                f.string("name", 200),
                f.list("roles", 8, 16, Role::fromWire, true),
                f.list("companyPrefixes", 50, 12, CompanyPrefix::new, false),
                f.optParse("gln", 13, Gln::new),
                location(f.optObject("location")));
        f.requireNoOtherFields();
        return profile;
    }

    private static Product product(JsonFields f) {
        var attributes = new TreeMap<String, String>();
        for (var it = f.entries(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new MalformedEventException(f.where(e.getKey()) + " must be a string");
            }
            attributes.put(e.getKey(), e.getValue().textValue());
        }
        try {
            return new Product(attributes);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("'event.product': " + e.getMessage());
        }
    }

    private static Instant parseTime(String text) {
        if (!EVENT_TIME_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("must be UTC with milliseconds, e.g. 2026-11-28T10:15:30.123Z");
        }
        return Instant.parse(text);
    }

    private static LocalDate date(String text) {
        if (!DATE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be a date YYYY-MM-DD");
        }
        return LocalDate.parse(text);
    }

    private static String nonce(String text) {
        if (!NONCE.matcher(text).matches()) {
            throw new IllegalArgumentException("must be 8 to 64 characters of base64url");
        }
        return text;
    }

    private static ItemCode item(String text) {
        if (UnitCode.parse(text) instanceof ItemCode item) {
            return item;
        }
        throw new IllegalArgumentException("must be an item code 01/{gtin}/21/{serial}");
    }

    private static ContainerCode container(String text) {
        if (UnitCode.parse(text) instanceof ContainerCode container) {
            return container;
        }
        throw new IllegalArgumentException("must be a container code 00/{sscc}");
    }

    // ---- encoding

    public static ObjectNode encode(CustodyEvent event) {
        EventHeader h = event.header();
        ObjectNode o = NODES.objectNode();
        o.put("v", EventHeader.VERSION);
        o.put("type", h.type().name());
        o.put("eventTime", formatTime(h.eventTime()));
        o.put("actor", h.actor().value());
        o.put("keyId", h.keyId().value());
        o.put("nonce", h.nonce());
        if (h.location() != null) {
            o.set("location", location(h.location()));
        }
        switch (event) {
            case PartyRegistered e -> o.set("party", profile(e.party()));
            case KeyAdded e -> {
                o.put("party", e.party().value());
                o.put("publicKey", e.publicKey().base64Url());
                o.put("purpose", e.purpose().wire());
            }
            case KeyRevoked e -> {
                o.put("party", e.party().value());
                o.put("revokedKeyId", e.revokedKey().value());
                o.put("reason", e.reason());
            }
            case PartySuspended e -> {
                o.put("party", e.party().value());
                o.put("reason", e.reason());
            }
            case Commission e -> {
                o.set("units", codes(e.units()));
                o.put("lot", e.lot().value());
                o.put("expiry", e.expiry().toString());
                ObjectNode product = o.putObject("product");
                e.product().attributes().forEach(product::put);
            }
            case Pack e -> {
                o.put("container", e.container().path());
                o.set("units", codes(e.units()));
            }
            case Unpack e -> {
                o.put("container", e.container().path());
                if (!e.units().isEmpty()) {
                    o.set("units", codes(e.units()));
                }
            }
            case Handoff e -> {
                o.set("units", codes(e.units()));
                o.put("to", e.to().value());
            }
            case Receive e -> o.set("units", codes(e.units()));
            case Refuse e -> {
                o.set("units", codes(e.units()));
                o.put("reason", e.reason());
            }
            case Sell e -> o.set("units", codes(e.units()));
            case Recall e -> {
                if (e.byLot()) {
                    o.put("gtin", e.gtin().value());
                    o.put("lot", e.lot().value());
                } else {
                    o.set("units", codes(e.units()));
                }
                o.put("reason", e.reason());
            }
            case Report e -> {
                o.set("units", codes(e.units()));
                o.put("disposition", e.disposition().wire());
                if (e.reason() != null) {
                    o.put("reason", e.reason());
                }
            }
        }
        return o;
    }

    private static ArrayNode codes(List<? extends UnitCode> units) {
        ArrayNode array = NODES.arrayNode(units.size());
        units.forEach(u -> array.add(u.path()));
        return array;
    }

    private static ObjectNode location(Location location) {
        ObjectNode o = NODES.objectNode();
        o.put("city", location.city());
        if (location.country() != null) {
            o.put("country", location.country());
        }
        return o;
    }

    private static ObjectNode profile(PartyProfile p) {
        ObjectNode o = NODES.objectNode();
        o.put("id", p.id().value());
        o.put("name", p.name());
        ArrayNode roles = o.putArray("roles");
        p.roles().forEach(r -> roles.add(r.wire()));
        ArrayNode prefixes = o.putArray("companyPrefixes");
        p.companyPrefixes().forEach(c -> prefixes.add(c.value()));
        if (p.gln() != null) {
            o.put("gln", p.gln().value());
        }
        if (p.location() != null) {
            o.set("location", location(p.location()));
        }
        return o;
    }
}
