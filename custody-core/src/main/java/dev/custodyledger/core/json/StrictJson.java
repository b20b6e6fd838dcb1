package dev.custodyledger.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;

/**
 * The one JSON reader for signed material: UTF-8 only, duplicate keys refused, no trailing data, bounded
 * nesting, string and number sizes.
 */
public final class StrictJson {
    public static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = build();

    private StrictJson() {}

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(1 << 20)
                        .maxNumberLength(40)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        factory.disable(JsonParser.Feature.ALLOW_COMMENTS);
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(false));
    }

    /** Parses one JSON value; every syntax or limit violation is a {@link JsonFormatException}. */
    public static JsonNode parse(byte[] utf8) {
        if (utf8 == null || utf8.length == 0) {
            throw new JsonFormatException("empty body");
        }
        try {
            JsonNode node = MAPPER.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new JsonFormatException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new JsonFormatException("not valid JSON: " + shortMessage(e));
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String shortMessage(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int cut = message.indexOf('\n');
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
