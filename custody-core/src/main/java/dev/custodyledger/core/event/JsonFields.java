package dev.custodyledger.core.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reads the fields of one JSON object strictly and remembers which it read, so unknown ones are refused. */
final class JsonFields {
    private final JsonNode node;
    private final String path;
    private final Set<String> read = new HashSet<>();

    JsonFields(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(path + " must be a JSON object");
        }
        this.node = node;
        this.path = path;
    }

    String string(String name, int maxLength) {
        String value = optString(name, maxLength);
        if (value == null) {
            throw new MalformedEventException("missing field " + where(name));
        }
        return value;
    }

    String optString(String name, int maxLength) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedEventException(where(name) + " must be a string");
        }
        if (value.textValue().length() > maxLength) {
            throw new MalformedEventException(where(name) + " is longer than " + maxLength + " characters");
        }
        return value.textValue();
    }

    int integer(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            throw new MalformedEventException("missing field " + where(name));
        }
        // RFC 8785 reads every number as an IEEE 754 double, so 1, 1.0 and 1E0 are one number with one
        // canonical form ("1"); accepting only some spellings of it would refuse events whose bytes agree.
        double number = value.isNumber() ? value.doubleValue() : Double.NaN;
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new MalformedEventException(where(name) + " must be a small integer");
        }
        return (int) number;
    }

    <T> T parse(String name, int maxLength, Function<String, T> parser) {
        return convert(name, string(name, maxLength), parser);
    }

    <T> T optParse(String name, int maxLength, Function<String, T> parser) {
        String text = optString(name, maxLength);
        return text == null ? null : convert(name, text, parser);
    }

    <T> List<T> list(String name, int maxItems, int maxLength, Function<String, T> parser, boolean required) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            if (required) {
                throw new MalformedEventException("missing field " + where(name));
            }
            return List.of();
        }
        if (!value.isArray()) {
            throw new MalformedEventException(where(name) + " must be an array of strings");
        }
        if (value.size() > maxItems) {
            throw new MalformedEventException(where(name) + " has more than " + maxItems + " entries");
        }
        List<T> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String at = name + "[" + i + "]";
            if (!item.isTextual()) {
                throw new MalformedEventException(where(at) + " must be a string");
            }
            if (item.textValue().length() > maxLength) {
                throw new MalformedEventException(where(at) + " is longer than " + maxLength + " characters");
            }
            out.add(convert(at, item.textValue(), parser));
        }
        return out;
    }

    JsonFields object(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null) {
            throw new MalformedEventException("missing field " + where(name));
        }
        return new JsonFields(value, where(name));
    }

    JsonFields optObject(String name) {
        return node.has(name) ? object(name) : markRead(name);
    }

    /** All fields as strings, for free-form attribute maps. */
    Iterator<java.util.Map.Entry<String, JsonNode>> entries() {
        node.fieldNames().forEachRemaining(read::add);
        return node.fields();
    }

    void requireNoOtherFields() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!read.contains(name)) {
                throw new MalformedEventException("unknown field " + where(name));
            }
        }
    }

    String where(String name) {
        return path.isEmpty() ? "'" + name + "'" : "'" + path.replace("'", "") + "." + name + "'";
    }

    private JsonFields markRead(String name) {
        read.add(name);
        return null;
    }

    private <T> T convert(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException(where(name) + ": " + e.getMessage());
        }
    }
}
