package dev.custodyledger.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.custodyledger.core.crypto.Base64Url;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * One line of the hostile corpus ({@code src/test/resources/hostile/*.jsonl}): a request and the answer it must
 * get. Fields:
 *
 * <ul>
 *   <li>{@code id}: unique; {@code request}: {@code "<ledger|scan|label> <METHOD> <path>"}, the path may name
 *       {@code {unit}}, {@code {gtin}}, {@code {serial}}, {@code {foreignUnit}}, {@code {eventId}};
 *   <li>the body, at most one of: {@code text} (sent as UTF-8, placeholders replaced), {@code json} (any JSON
 *       value, sent as written), {@code hex} (raw bytes), {@code make} (a generated body: {@code
 *       nested-arrays:N}, {@code nested-objects:N}, {@code string:N}, {@code array:N:<element>}, {@code
 *       event:<template>}, {@code batch:<template>});
 *   <li>for {@code event:}/{@code batch:} bodies, {@code set} (JSON pointer → value, applied to the envelope)
 *       and {@code sig} ({@code keep}, {@code flip}, {@code truncate}, {@code swap}, {@code drop} or {@code
 *       resign:<key>});
 *   <li>{@code contentType} (default {@code application/json}), {@code accept} (default {@code
 *       application/json}), {@code auth} (a credential name of {@link HostileWorld}, default none);
 *   <li>{@code status}, and {@code code}: the problem's code, or for a batch answered 200 its first result's
 *       code; {@code appends}: records the ledger may gain from it (default 0).
 * </ul>
 */
record HostileCase(String file, JsonNode spec) {
    String id() {
        return spec.path("id").asText();
    }

    String service() {
        return spec.path("request").asText().split(" ", 3)[0];
    }

    String method() {
        return spec.path("request").asText().split(" ", 3)[1];
    }

    String path(HostileWorld world) {
        return world.substitute(spec.path("request").asText().split(" ", 3)[2]);
    }

    int status() {
        return spec.path("status").asInt();
    }

    String code() {
        return spec.hasNonNull("code") ? spec.get("code").asText() : null;
    }

    int appends() {
        return spec.path("appends").asInt(0);
    }

    String contentType() {
        return spec.path("contentType").asText("application/json");
    }

    String accept() {
        return spec.path("accept").asText("application/json");
    }

    String auth() {
        return spec.path("auth").asText("none");
    }

    /** The body bytes, or null for a request without one. */
    byte[] body(HostileWorld world) {
        if (spec.has("text")) {
            return HostileWorld.utf8(world.substitute(spec.get("text").asText()));
        }
        if (spec.has("json")) {
            return HostileWorld.utf8(spec.get("json").toString());
        }
        if (spec.has("hex")) {
            return HexFormat.of().parseHex(spec.get("hex").asText().replace(" ", ""));
        }
        if (spec.has("make")) {
            return make(spec.get("make").asText(), world);
        }
        return null;
    }

    private byte[] make(String make, HostileWorld world) {
        String[] parts = make.split(":", 3);
        return switch (parts[0]) {
            case "nested-arrays" -> HostileWorld.utf8("[".repeat(count(parts)) + "]".repeat(count(parts)));
            case "nested-objects" -> HostileWorld.utf8("{\"a\":".repeat(count(parts)) + "1" + "}".repeat(count(parts)));
            case "string" -> HostileWorld.utf8("\"" + "a".repeat(count(parts)) + "\"");
            case "array" -> repeatedArray(count(parts), parts[2]);
            case "event" -> HostileWorld.utf8(envelope(parts[1], world).toString());
            case "batch" -> HostileWorld.utf8("[" + envelope(parts[1], world) + "]");
            default -> throw new IllegalArgumentException(id() + ": unknown generator " + make);
        };
    }

    private static int count(String[] parts) {
        return Integer.parseInt(parts[1]);
    }

    private static byte[] repeatedArray(int n, String element) {
        var out = new ByteArrayOutputStream(n * (element.length() + 1) + 2);
        out.write('[');
        byte[] e = HostileWorld.utf8(element);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(e);
        }
        out.write(']');
        return out.toByteArray();
    }

    private ObjectNode envelope(String template, HostileWorld world) {
        ObjectNode envelope = world.envelope(world.event(template));
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("set").fields(); it.hasNext(); ) {
            var edit = it.next();
            String pointer = edit.getKey();
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = envelope.at(pointer.substring(0, slash));
            String field = pointer.substring(slash + 1);
            JsonNode value = edit.getValue().isTextual()
                    ? TextNode.valueOf(world.substitute(edit.getValue().textValue()))
                    : edit.getValue();
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(Integer.parseInt(field), value);
            } else {
                throw new IllegalArgumentException(id() + ": " + pointer + " names nothing in the envelope");
            }
        }
        String sig = spec.path("sig").asText("keep");
        switch (sig.split(":")[0]) {
            case "keep" -> {}
            case "flip" -> {
                byte[] signature = Base64Url.decode(envelope.get("sig").asText());
                signature[17] ^= 0x01;
                envelope.put("sig", Base64Url.encode(signature));
            }
            case "truncate" -> envelope.put("sig", envelope.get("sig").asText().substring(0, 40));
            case "swap" ->
                envelope.put("sig", world.event("handoff-by-stranger").signatureBase64Url());
            case "drop" -> envelope.remove("sig");
            case "resign" -> world.resign(envelope, sig.split(":")[1]);
            default -> throw new IllegalArgumentException(id() + ": unknown sig " + sig);
        }
        return envelope;
    }
}
