package dev.custodyledger.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custodyledger.core.json.JsonFormatException;
import dev.custodyledger.core.json.StrictJson;
import dev.custodyledger.problem.ProblemCode;
import dev.custodyledger.problem.ProblemException;
import java.util.Set;

/** A request body read strictly (custody-core's parser: bounded depth, no duplicate keys) with known fields only. */
public final class JsonRequest {
    private final JsonNode json;

    private JsonRequest(JsonNode json) {
        this.json = json;
    }

    /** The body as an object whose every field is in {@code allowed}; 400 MALFORMED otherwise. */
    public static JsonRequest parse(byte[] body, Set<String> allowed) {
        JsonNode json;
        try {
            json = StrictJson.parse(body);
        } catch (JsonFormatException e) {
            throw malformed(e.getMessage());
        }
        if (!json.isObject()) {
            throw malformed("the body must be a JSON object");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                throw malformed("unknown field '" + name + "'");
            }
        });
        return new JsonRequest(json);
    }

    /** A string field of 1 to {@code max} characters; null when optional and absent. */
    public String text(String field, int max, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw malformed("missing field '" + field + "'");
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isEmpty() || node.textValue().length() > max) {
            throw malformed("'" + field + "' must be a string of 1 to " + max + " characters");
        }
        return node.textValue();
    }

    /** A required whole number within {@code [min, max]}. */
    public int integer(String field, int min, int max) {
        JsonNode node = json.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw malformed("'" + field + "' must be a whole number from " + min + " to " + max);
        }
        int value = node.intValue();
        if (value < min || value > max) {
            throw malformed("'" + field + "' must be a whole number from " + min + " to " + max);
        }
        return value;
    }

    /** An optional array of strings, each of 0 to {@code maxLength} characters; null when absent. */
    public java.util.List<String> texts(String field, int maxLength) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw malformed("'" + field + "' must be an array of strings");
        }
        var texts = new java.util.ArrayList<String>(node.size());
        for (JsonNode item : node) {
            if (!item.isTextual() || item.textValue().length() > maxLength) {
                throw malformed("'" + field + "' must hold strings of at most " + maxLength + " characters");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    public JsonNode node(String field) {
        return json.get(field);
    }

    public static ProblemException malformed(String detail) {
        return new ProblemException(ProblemCode.MALFORMED, detail);
    }
}
