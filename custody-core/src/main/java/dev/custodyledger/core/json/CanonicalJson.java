package dev.custodyledger.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.erdtman.jcs.NumberToJSON;

/**
 * RFC 8785 JSON Canonicalization Scheme. This is the one function that produces the bytes that get signed:
 * signers and verifiers both call {@link #bytes(JsonNode)}.
 */
public final class CanonicalJson {
    private static final long MAX_SAFE_INTEGER = 9007199254740991L;

    private CanonicalJson() {}

    public static byte[] bytes(JsonNode value) {
        var sb = new StringBuilder(256);
        write(value, sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String text(JsonNode value) {
        var sb = new StringBuilder(256);
        write(value, sb);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, sb);
            case ARRAY -> {
                sb.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(node.get(i), sb);
                }
                sb.append(']');
            }
            case STRING -> writeString(node.textValue(), sb);
            case NUMBER -> writeNumber(node, sb);
            case BOOLEAN -> sb.append(node.booleanValue());
            case NULL -> sb.append("null");
            default -> throw new JsonFormatException("value of type " + node.getNodeType() + " has no JSON form");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder sb) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            fields.add(it.next());
        }
        // String.compareTo orders by UTF-16 code units, exactly as RFC 8785 §3.2.3 requires.
        fields.sort(Map.Entry.comparingByKey());
        sb.append('{');
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            writeString(fields.get(i).getKey(), sb);
            sb.append(':');
            write(fields.get(i).getValue(), sb);
        }
        sb.append('}');
    }

    private static void writeNumber(JsonNode node, StringBuilder sb) {
        if (node.canConvertToLong() && node.isIntegralNumber()) {
            long value = node.longValue();
            if (Math.abs(value) <= MAX_SAFE_INTEGER) {
                sb.append(value);
                return;
            }
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw new JsonFormatException("number out of the IEEE 754 double range");
        }
        try {
            sb.append(NumberToJSON.serializeNumber(value));
        } catch (IOException e) {
            throw new JsonFormatException("number cannot be serialized: " + e.getMessage());
        }
    }

    static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new JsonFormatException("string contains a lone surrogate");
                        }
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new JsonFormatException("string contains a lone surrogate");
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
